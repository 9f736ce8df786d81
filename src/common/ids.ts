import { createHash, createHmac, randomUUID } from 'node:crypto';

/** Ids accepted from clients: short, URL-safe, and never a Mongo operator. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/**
 * Same inputs, same id: what makes retried writes land on one document. Only for inputs an
 * outsider cannot use to learn anything (R2): anyone who can guess the inputs can recompute it.
 */
export function derivedId(prefix: string, ...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${prefix}_${hash.slice(0, 20)}`;
}

/**
 * Same inputs and secret, same id, as `derivedId`; but keyed (HMAC-SHA256 with `ID_HMAC_SECRET`),
 * so whoever sees the id cannot test guessed inputs offline. R2: every id derived from a reporter
 * (or from such an id) and visible outside the staff is derived this way.
 */
export function keyedId(secret: string, prefix: string, ...parts: string[]): string {
  const mac = createHmac('sha256', secret).update(parts.join('\u0000')).digest('hex');
  return `${prefix}_${mac.slice(0, 20)}`;
}
