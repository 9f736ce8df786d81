import { ApiError } from '../common/api-error';
import { TICKET_PRIORITIES, TicketPriority } from './schemas/cs-ticket.schema';

/** Where a page of the work list ended: the last ticket's sort key (priority, createdAt, _id). */
export interface TicketPosition {
  priority: TicketPriority;
  createdAt: Date;
  id: string;
}

export function encodeTicketCursor(position: TicketPosition): string {
  return Buffer.from(JSON.stringify([position.priority, position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeTicketCursor(cursor: string): TicketPosition {
  try {
    const [priority, iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [TicketPriority, string, string];
    const createdAt = new Date(iso);
    if (!TICKET_PRIORITIES.includes(priority) || Number.isNaN(createdAt.getTime()) || typeof id !== 'string' || id.length > 200) throw new Error('bad cursor');
    return { priority, createdAt, id };
  } catch {
    throw ApiError.badRequest('INVALID_CURSOR', 'cursor must be the nextCursor of a previous page.');
  }
}

/** Tickets after `after` in the order priority (high first), createdAt, _id. */
export function afterTicket(after: TicketPosition): Record<string, unknown> {
  return {
    $or: [
      { priority: { $gt: after.priority } },
      { priority: after.priority, createdAt: { $gt: after.createdAt } },
      { priority: after.priority, createdAt: after.createdAt, _id: { $gt: after.id } },
    ],
  };
}
