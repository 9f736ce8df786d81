import { ValidateIf } from 'class-validator';

/**
 * An optional body field: absent is fine, `null` is refused by the field's other rules. (class-
 * validator's @IsOptional also skips `null`, which the document, saying e.g. `type: string`,
 * does not allow, and which would reach a record.) Query parameters, never null, use @IsOptional.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
