import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error';

// JSON.parse keeps `__proto__` as an own key; class-transformer and the whitelist do not see it,
// so it would reach a document. `$`-keys are Mongo operators; no DTO has such a field.
const FORBIDDEN = /^(__proto__|constructor|prototype|\$.*)$/;
const MAX_DEPTH = 32;

/** Refuses any JSON body that carries a prototype key or an operator key, at any depth. */
export function refuseHostileKeys(req: Request, _res: Response, next: NextFunction): void {
  const key = findForbiddenKey(req.body, 0);
  if (key === undefined) return next();
  next(ApiError.badRequest('FORBIDDEN_KEY', `The body contains the key "${key.slice(0, 40)}", which is not allowed.`));
}

function findForbiddenKey(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > MAX_DEPTH) return '(nesting too deep)';
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.test(key)) return key;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
