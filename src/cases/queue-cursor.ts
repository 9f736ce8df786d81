import { ApiError } from '../common/api-error';
import { targetOfCase } from './case-id';

/** Where a case sits in the queue order: priority weight (high first), oldest report, case id. */
export interface QueuePosition {
  weight: number;
  oldestAt: Date;
  caseId: string;
}

export function encodeCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.weight, position.oldestAt.toISOString(), position.caseId])).toString('base64url');
}

export function decodeCursor(cursor: string): QueuePosition {
  try {
    const [weight, iso, caseId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [number, string, string];
    const oldestAt = new Date(iso);
    if (!Number.isFinite(weight) || Number.isNaN(oldestAt.getTime()) || typeof caseId !== 'string' || !targetOfCase(caseId)) throw new Error('bad cursor');
    return { weight, oldestAt, caseId };
  } catch {
    throw ApiError.badRequest('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page.');
  }
}

/** Queue order: higher weight first, then the older case, then the case id (a total order, so pages are stable). */
export function compareQueuePositions(a: QueuePosition, b: QueuePosition): number {
  return b.weight - a.weight || a.oldestAt.getTime() - b.oldestAt.getTime() || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
}
