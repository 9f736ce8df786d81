import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { insertOnce } from '../common/insert-once';
import { BusinessMetrics } from '../metrics/business-metrics';
import { Report } from '../reports/schemas/report.schema';
import { ListTicketsQuery, TicketPage, TicketView, toTicketView } from './dto/tickets.dto';
import { escalationOf, ticketPriorityOf } from '../reports/escalation';
import { CsTicket, TicketKind, ticketId } from './schemas/cs-ticket.schema';
import { TicketResolution } from './schemas/ticket-resolution.schema';
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
    @InjectModel(TicketResolution.name) private readonly resolutions: Model<TicketResolution>,
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
    // An insert, never an upsert: a retry finds the ticket there and writes nothing to it.
    if (await insertOnce(this.tickets, ticket)) this.metrics.ticketOpened(kind);
    return _id;
  }

  /** The CS work list: high priority first, then oldest first; keyset pages. */
  async list(query: ListTicketsQuery): Promise<TicketPage> {
    const limit = query.limit ?? 50;
    const filter: Record<string, unknown> = {};
    if (query.reportId) filter.reportId = query.reportId;
    // The status lives in the write-once resolutions: part of the query, before the page is cut.
    if (query.status) filter._id = { [query.status === 'resolved' ? '$in' : '$nin']: await this.resolvedIds() };
    if (query.priority) filter.priority = query.priority;
    if (query.kind) filter.kind = query.kind;
    if (query.cursor) Object.assign(filter, afterTicket(decodeTicketCursor(query.cursor)));
    // 'high' sorts before 'normal'.
    const rows = await this.tickets.find(filter).sort({ priority: 1, createdAt: 1, _id: 1 }).limit(limit).lean();
    const last = rows.at(-1);
    return {
      items: await this.withResolutions(rows),
      nextCursor: rows.length === limit && last ? encodeTicketCursor({ priority: last.priority, createdAt: last.createdAt, id: last._id }) : null,
    };
  }

  async get(ticketId: string): Promise<TicketView> {
    const ticket = await this.tickets.findById(ticketId).lean();
    if (!ticket) throw ApiError.notFound('TICKET_NOT_FOUND', `Ticket ${ticketId} does not exist.`);
    return toTicketView(ticket, await this.resolutions.findById(ticketId).lean());
  }

  private async resolvedIds(): Promise<string[]> {
    return (await this.resolutions.find({}, { _id: 1 }).lean()).map((row) => row._id);
  }

  private async withResolutions(rows: CsTicket[]): Promise<TicketView[]> {
    const resolutions = await Promise.all(rows.map((row) => this.resolutions.findById(row._id).lean()));
    return rows.map((row, i) => toTicketView(row, resolutions[i]));
  }
}
