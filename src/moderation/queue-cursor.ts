import { ApiError } from '../common/api-error';
import { ID_PATTERN } from '../common/ids';

export interface QueuePosition {
  openedAt: Date;
  id: string;
}

export function encodeCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.openedAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): QueuePosition {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const openedAt = new Date(iso);
    if (Number.isNaN(openedAt.getTime()) || typeof id !== 'string' || !ID_PATTERN.test(id)) throw new Error('bad cursor');
    return { openedAt, id };
  } catch {
    throw ApiError.badRequest('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page.');
  }
}
