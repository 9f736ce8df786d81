import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';

interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): { fields: FieldProblem[]; codes: string[] } {
  const fields: FieldProblem[] = [];
  const codes: string[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) fields.push({ field, problems: Object.values(error.constraints) });
    for (const context of Object.values<{ code?: unknown } | undefined>(error.contexts ?? {})) {
      if (typeof context?.code === 'string') codes.push(context.code);
    }
    const nested = flatten(error.children ?? [], field);
    fields.push(...nested.fields);
    codes.push(...nested.codes);
  }
  return { fields, codes };
}

/**
 * DTO validation for every route: unknown properties are refused, and a rule may carry its
 * own stable code (`context: { code }`) so clients can tell an unknown reason from a bad id.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const { fields, codes } = flatten(errors);
      const code = codes[0] ?? 'VALIDATION_FAILED';
      const message = fields.map((f) => f.problems.join('; ')).join('; ') || 'The request is not valid.';
      return ApiError.badRequest(code, message, { fields });
    },
  });
}
