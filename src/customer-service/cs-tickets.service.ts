import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '../common/database-errors';
import { BusinessMetrics } from '../metrics/business-metrics';
import { URGENT_REASONS } from '../reports/report-reasons';
import { Report } from '../reports/schemas/report.schema';
import { ListTicketsQuery } from './dto/tickets.dto';
import { CsTicket, TicketKind, ticketId } from './schemas/cs-ticket.schema';

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
    const ticket: CsTicket = {
      _id,
      kind,
      reportId: report._id,
      status: 'open',
      priority: report.reasons.some((r) => URGENT_REASONS.has(r)) ? 'high' : 'normal',
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

  async list(query: ListTicketsQuery): Promise<Array<Omit<CsTicket, '_id'> & { ticketId: string }>> {
    const filter: Record<string, string> = {};
    if (query.reportId) filter.reportId = query.reportId;
    if (query.status) filter.status = query.status;
    if (query.kind) filter.kind = query.kind;
    const rows = await this.tickets.find(filter).sort({ createdAt: -1, _id: 1 }).limit(200).lean();
    return rows.map(({ _id, ...rest }) => ({ ticketId: _id, ...rest }));
  }
}
