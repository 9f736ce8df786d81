import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, ErrorBody } from './api-error';
import { isDatabaseUnavailable } from './database-errors';
import { allowedMethods } from './method-not-allowed';

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
    const notAllowed = exception instanceof NotFoundException && this.methodNotAllowed(host.switchToHttp().getRequest<Request>(), response);
    const [status, body] = notAllowed || this.toBody(exception);
    if (status >= 500) this.logger.error({ err: exception, code: body.code }, 'request failed');
    response.status(status).json(body);
  }

  /** A path the app has, asked with a method it does not take: 405 with `Allow` (RFC 9110), not 404. */
  private methodNotAllowed(request: Request, response: Response): [number, ErrorBody] | false {
    const allowed = allowedMethods(request);
    if (allowed.length === 0 || allowed.includes(request.method)) return false;
    response.setHeader('Allow', allowed.join(', '));
    return [HttpStatus.METHOD_NOT_ALLOWED, { code: 'METHOD_NOT_ALLOWED', message: `${request.method} is not allowed here; allowed: ${allowed.join(', ')}.` }];
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
