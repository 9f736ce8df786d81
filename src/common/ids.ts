import { createHash, randomUUID } from 'node:crypto';

/** Ids accepted from clients: short, URL-safe, and never a Mongo operator. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** Same inputs, same id: what makes retried writes land on one document. */
export function derivedId(prefix: string, ...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${prefix}_${hash.slice(0, 20)}`;
}
