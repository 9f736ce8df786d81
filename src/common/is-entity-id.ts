import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, ValidationOptions } from 'class-validator';
import { ID_PATTERN } from './ids';

/** A client-supplied id (see ID_PATTERN); failures carry the stable code INVALID_ID. */
export function IsEntityId(options: Pick<ValidationOptions, 'each'> = {}): PropertyDecorator {
  const rule = { ...options, message: '$property must be 1-64 letters, digits, "_" or "-"', context: { code: 'INVALID_ID' } };
  return applyDecorators(IsString(rule), Matches(ID_PATTERN, rule));
}
