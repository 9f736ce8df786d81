import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// @nestjs/swagger's metadata keys (its DECORATORS constants): what @ApiProperty writes and the
// schema and query-parameter explorers read.
const PROPERTY = 'swagger/apiModelProperties';

type Schema = Record<string, unknown>;
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Array, Object]);

/**
 * What one class-validator constraint accepts, as JSON Schema. Constraints not listed here
 * (e.g. a custom validator) leave the property as its @ApiProperty says; a request the
 * document allows and validation refuses is then found by Schemathesis.
 */
const CONSTRAINTS: Record<string, (args: unknown[]) => Schema> = {
  isString: () => ({ type: 'string' }),
  isBoolean: () => ({ type: 'boolean' }),
  isInt: () => ({ type: 'integer' }),
  isObject: () => ({ type: 'object' }),
  isArray: () => ({ type: 'array' }),
  matches: ([pattern]) => ({ pattern: (pattern as RegExp).source }),
  maxLength: ([max]) => ({ maxLength: max }),
  minLength: ([min]) => ({ minLength: min }),
  isNotEmpty: () => ({ minLength: 1 }),
  isIn: ([values]) => ({ enum: values }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  arrayMinSize: ([min]) => ({ minItems: min }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayNotEmpty: () => ({ minItems: 1 }),
  arrayUnique: () => ({ uniqueItems: true }),
};

/**
 * Writes what each DTO's class-validator decorators accept (types, patterns, lengths, enums,
 * bounds, array sizes) into its @ApiProperty metadata before the document is built, so request
 * bodies and query parameters say exactly what the ValidationPipe lets through: the document is
 * derived from the rule that is enforced, not restated next to it. `each` constraints describe
 * the items of an array. Only properties that are documented (@ApiProperty) are touched.
 */
export function describeValidationInSchemas(): void {
  const storage = getMetadataStorage();
  // class-validator keeps its registry in this Map (0.14); the targets are the validated classes.
  const targets = (storage as unknown as { validationMetadatas: Map<object, unknown> }).validationMetadatas.keys();
  for (const target of targets) {
    if (typeof target !== 'function') continue;
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of storage.getTargetValidationMetadatas(target, '', true, false)) {
      byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    }
    for (const [property, rules] of byProperty) describeProperty(target.prototype as object, property, rules);
  }
}

function describeProperty(prototype: object, property: string, rules: ValidationMetadata[]): void {
  const documented = Reflect.getMetadata(PROPERTY, prototype, property) as Schema | undefined;
  if (!documented) return;
  const own: Schema = {};
  const items: Schema = {};
  for (const rule of rules) {
    const toSchema = rule.name ? CONSTRAINTS[rule.name] : undefined;
    if (toSchema) Object.assign(rule.each ? items : own, toSchema(rule.constraints ?? []));
  }
  // A nested DTO (`type: X` or `type: [X]`) keeps the type @ApiProperty gives it.
  const nested = Array.isArray(documented.type) || (typeof documented.type === 'function' && !PRIMITIVES.has(documented.type));
  if (nested) delete own.type;
  const described: Schema = { ...documented, ...own };
  if (!nested && (Object.keys(items).length > 0 || described.type === 'array')) {
    // An array of strings: its items carry the `each` rules (and an @ApiProperty enum, if any).
    const { enum: values, isArray: _isArray, items: given, ...rest } = described;
    Object.assign(described, { ...rest, type: 'array', items: { type: 'string', ...(given as Schema), ...(values ? { enum: values } : {}), ...items } });
    delete described.enum;
    delete described.isArray;
  }
  Reflect.defineMetadata(PROPERTY, described, prototype, property);
}
