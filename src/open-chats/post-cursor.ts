import { ApiError } from '../common/api-error';

/** Where a page of a board ended: the last post's sort key (createdAt, _id). */
export interface PostPosition {
  createdAt: Date;
  id: string;
}

export function encodePostCursor(position: PostPosition): string {
  return Buffer.from(JSON.stringify({ c: position.createdAt.toISOString(), p: position.id })).toString('base64url');
}

export function decodePostCursor(cursor: string): PostPosition {
  const parsed = parseCursor(cursor);
  const createdAt = typeof parsed?.c === 'string' ? new Date(parsed.c) : new Date(NaN);
  if (Number.isNaN(createdAt.getTime()) || typeof parsed?.p !== 'string' || parsed.p.length > 200) {
    throw ApiError.badRequest('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page.');
  }
  return { createdAt, id: parsed.p };
}

function parseCursor(cursor: string): { c?: unknown; p?: unknown } | null {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { c?: unknown; p?: unknown } | null;
  } catch {
    return null;
  }
}

/** Posts before `after` in the order createdAt, _id, newest first. */
export function beforePost(after: PostPosition): Record<string, unknown> {
  return { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }] };
}
