import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';
import { ID_PATTERN } from './ids';

/** What IdPipe accepts, for the OpenAPI document (path parameters get it from src/common/openapi.ts). */
export const ID_SCHEMA = { type: 'string', pattern: ID_PATTERN.source, example: 'alice' } as const;

/** Validates path ids so a malformed id is a 400, not a lookup. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      throw ApiError.badRequest('INVALID_ID', 'Ids are 1-64 characters of letters, digits, "_" or "-".', {
        value: typeof value === 'string' ? value.slice(0, 80) : null,
      });
    }
    return value;
  }
}
