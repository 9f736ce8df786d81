import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { ApiParam } from '@nestjs/swagger';
import { CASE_ID, targetOfCase } from './case-id';

/** The `caseId` path parameter as CaseIdPipe accepts it, for the OpenAPI document. */
export const ApiCaseIdParam = (): MethodDecorator =>
  ApiParam({ name: 'caseId', schema: { type: 'string', pattern: CASE_ID.source, example: 'case-chat_message-msg_1' } });

/** Case ids are `case-<kind>-<targetId>`; anything else is a 400, not a lookup. */
@Injectable()
export class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !targetOfCase(value)) {
      throw ApiError.badRequest('INVALID_ID', 'A case id is "case-<targetKind>-<targetId>", as listed by GET /v1/moderation/queue.', {
        value: typeof value === 'string' ? value.slice(0, 100) : null,
      });
    }
    return value;
  }
}
