import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError, ErrorBody } from './api-error';
import { isDatabaseUnavailable } from './database-errors';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** One error shape for every route: `{code, message, details?}`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toBody(exception);
    if (status >= 500) this.logger.error({ err: exception, code: body.code }, 'request failed');
    response.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
    if (exception instanceof ApiError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details) body.details = exception.details;
      return [exception.status, body];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest turns body-parser's SyntaxError into a bare BadRequestException.
      if (status === 400 && /JSON/i.test(exception.message)) {
        return [400, { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' }];
      }
      return [status, { code: CODES_BY_STATUS[status] ?? `HTTP_${status}`, message: exception.message }];
    }
    // body-parser's own errors (too large, wrong charset) carry a client status and reach us as is.
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus) {
      return [clientStatus, { code: CODES_BY_STATUS[clientStatus] ?? `HTTP_${clientStatus}`, message: (exception as Error).message }];
    }
    if (isDatabaseUnavailable(exception)) {
      return [HttpStatus.SERVICE_UNAVAILABLE, { code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable; nothing was changed. Retry later.' }];
    }
    return [HttpStatus.INTERNAL_SERVER_ERROR, { code: 'INTERNAL_ERROR', message: 'Unexpected error.' }];
  }
}

function clientErrorStatus(error: unknown): number | undefined {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
