import { ApiError } from '../common/api-error';

/** Where a page of appeals ended: the last appeal's sort key (filedAt, _id). */
export interface AppealPosition {
  filedAt: Date;
  id: string;
}

export function encodeAppealCursor(position: AppealPosition): string {
  return Buffer.from(JSON.stringify([position.filedAt.toISOString(), position.id])).toString('base64url');
}

export function decodeAppealCursor(cursor: string): AppealPosition {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const filedAt = new Date(iso);
    if (Number.isNaN(filedAt.getTime()) || typeof id !== 'string' || id.length > 200) throw new Error('bad cursor');
    return { filedAt, id };
  } catch {
    throw ApiError.badRequest('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page.');
  }
}

/** Appeals after `after` in the order filedAt, _id (oldest first: complaints are handled in turn). */
export function afterAppeal(after: AppealPosition): Record<string, unknown> {
  return { $or: [{ filedAt: { $gt: after.filedAt } }, { filedAt: after.filedAt, _id: { $gt: after.id } }] };
}
