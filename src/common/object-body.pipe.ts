import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';

/** For a body the route takes as any JSON object (no DTO): anything else, or none, is a 400 in the one error shape. */
@Injectable()
export class ObjectBodyPipe implements PipeTransform<unknown, Record<string, unknown>> {
  transform(value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const problem = 'the body must be a JSON object';
      throw ApiError.badRequest('VALIDATION_FAILED', `The request is not valid: ${problem}.`, { fields: [{ field: 'body', problems: [problem] }] });
    }
    return value as Record<string, unknown>;
  }
}
