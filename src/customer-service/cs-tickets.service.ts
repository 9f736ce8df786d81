import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { BusinessMetrics } from '../metrics/business-metrics';
import { Report } from '../reports/schemas/report.schema';
import { ListTicketsQuery, TicketPage, TicketView, toTicketView } from './dto/tickets.dto';
import { escalationOf, ticketPriorityOf } from '../reports/escalation';
import { CsTicket, TicketKind, ticketId } from './schemas/cs-ticket.schema';
import { afterTicket, decodeTicketCursor, encodeTicketCursor } from './ticket-cursor';

const SUMMARIES: Record<TicketKind, (r: Report) => string> = {
  report_decided: (r) => `Report ${r._id} was ${r.decision?.outcome}; review whether further measures are needed.`,
  review_overdue: (r) => `Report ${r._id} has waited past its review deadline.`,
  report_expired: (r) => `Report ${r._id} expired without a moderator decision.`,
};

function withoutDecisionTime({ decidedAt: _decidedAt, ...decision }: NonNullable<Report['decision']>) {
  return decision;
}

@Injectable()
export class CsTicketsService {
  constructor(
    @InjectModel(CsTicket.name) private readonly tickets: Model<CsTicket>,
    private readonly metrics: BusinessMetrics,
  ) {}

  /** R9: opens the ticket of this kind for the report once; later calls return the same id. */
  async open(kind: TicketKind, report: Report): Promise<string> {
    const _id = ticketId(kind, report._id);
    const escalation = escalationOf(report);
    const ticket: CsTicket = {
      _id,
      kind,
      reportId: report._id,
      status: 'open',
      priority: ticketPriorityOf(report),
      ...(escalation ? { escalation } : {}),
      summary: SUMMARIES[kind](report),
      target: { kind: report.target.kind, id: report.target.id },
      reasons: report.reasons,
      policyCategories: report.policyCategories,
      reportedUserId: report.reportedUserId,
      reporterId: report.reporterId,
      ...(report.decision ? { decision: withoutDecisionTime(report.decision) } : {}),
      ...(report.evidence ? { evidence: report.evidence } : {}),
      createdAt: new Date(),
    };
    try {
      const result = await this.tickets.updateOne({ _id }, { $setOnInsert: ticket }, { upsert: true });
      if (result.upsertedCount === 1) this.metrics.ticketOpened(kind);
    } catch (error) {
      // Two concurrent upserts: the loser's duplicate key means the ticket exists.
      if (!isDuplicateKey(error)) throw error;
    }
    return _id;
  }

  /** The CS work list: high priority first, then oldest first; keyset pages. */
  async list(query: ListTicketsQuery): Promise<TicketPage> {
    const limit = query.limit ?? 50;
    const filter: Record<string, unknown> = {};
    if (query.reportId) filter.reportId = query.reportId;
    if (query.status) filter.status = query.status;
    if (query.priority) filter.priority = query.priority;
    if (query.kind) filter.kind = query.kind;
    if (query.cursor) Object.assign(filter, afterTicket(decodeTicketCursor(query.cursor)));
    // 'high' sorts before 'normal'.
    const rows = await this.tickets.find(filter).sort({ priority: 1, createdAt: 1, _id: 1 }).limit(limit).lean();
    const last = rows.at(-1);
    return {
      items: rows.map(toTicketView),
      nextCursor: rows.length === limit && last ? encodeTicketCursor({ priority: last.priority, createdAt: last.createdAt, id: last._id }) : null,
    };
  }

  async get(ticketId: string): Promise<TicketView> {
    const ticket = await this.tickets.findById(ticketId).lean();
    if (!ticket) throw ApiError.notFound('TICKET_NOT_FOUND', `Ticket ${ticketId} does not exist.`);
    return toTicketView(ticket);
  }
}
