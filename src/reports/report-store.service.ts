import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '../common/database-errors';
import { Report } from './schemas/report.schema';

const QUEUE_FIELDS = { target: 1, reasons: 1, policyCategories: 1, reviewOpenedAt: 1, reviewOverdueAt: 1, evidence: 1 } as const;

export type NewReport = Omit<Report, 'createdAt' | 'updatedAt' | 'timeline'>;

/** The only code that writes report documents; shared by the API and the worker's activities. */
@Injectable()
export class ReportStore {
  constructor(@InjectModel(Report.name) private readonly reports: Model<Report>) {}

  /** Inserts, or returns the report that already has this id (a repeated idempotency key). */
  async insert(report: NewReport): Promise<{ report: Report; created: boolean }> {
    try {
      const created = await this.reports.create({ ...report, timeline: { received: { at: new Date() } } });
      return { report: created.toObject(), created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.reports.findById(report._id).lean();
      if (!existing) throw error;
      return { report: existing, created: false };
    }
  }

  find(reportId: string): Promise<Report | null> {
    return this.reports.findById(reportId).lean();
  }

  /** Undoes a filing whose workflow never started, so no report is left without a lifecycle. */
  async removeUnstarted(reportId: string): Promise<void> {
    await this.reports.deleteOne({ _id: reportId, status: 'received' });
  }

  /**
   * Records a workflow step once: the timeline entry and the fields it sets land together in
   * one single-document update, and a retried activity finds the entry and changes nothing.
   */
  async recordStep(reportId: string, step: string, set: Partial<Report> = {}, detail?: string): Promise<boolean> {
    const entry = detail ? { at: new Date(), detail } : { at: new Date() };
    const result = await this.reports.updateOne(
      { _id: reportId, [`timeline.${step}`]: { $exists: false } },
      { $set: { ...set, [`timeline.${step}`]: entry } },
    );
    return result.modifiedCount === 1;
  }

  countAwaitingReview(): Promise<number> {
    // Bounded: it runs on every metrics scrape.
    return this.reports.countDocuments({ status: 'awaiting_review' }).maxTimeMS(2_000);
  }

  /** How a reporter's reports ended, for moderators weighing a new one (R3). */
  async reporterTally(reporterId: string) {
    const count = (filter: Record<string, unknown>) => this.reports.countDocuments({ reporterId, ...filter });
    const [filed, refused, approved, rejected, falseReports] = await Promise.all([
      count({}),
      count({ status: 'refused' }),
      count({ status: 'approved' }),
      count({ status: 'rejected' }),
      count({ 'decision.falseReport': true }),
    ]);
    return { filed, refused, approved, rejected, falseReports };
  }

  /** Approved reports on one piece of content of the account: the reports behind its sanction (R9, R7). */
  approvedOn(reportedUserId: string, target: { kind: string; id: string }): Promise<Array<Pick<Report, '_id' | 'reporterId' | 'decision'>>> {
    return this.reports
      .find({ reportedUserId, 'target.kind': target.kind, 'target.id': target.id, status: 'approved' }, { reporterId: 1, decision: 1 })
      .sort({ _id: 1 })
      .lean();
  }

  /** Awaiting review, oldest first; the cursor is the last item's `reviewOpenedAt|_id`. */
  async awaitingReview(limit: number, after?: { openedAt: Date; id: string }): Promise<Report[]> {
    const filter: Record<string, unknown> = { status: 'awaiting_review' };
    if (after) {
      filter.$or = [
        { reviewOpenedAt: { $gt: after.openedAt } },
        { reviewOpenedAt: after.openedAt, _id: { $gt: after.id } },
      ];
    }
    // Only what a queue item shows: a report's timeline and details stay out of the page.
    return this.reports.find(filter, QUEUE_FIELDS).sort({ reviewOpenedAt: 1, _id: 1 }).limit(limit).lean();
  }
}
