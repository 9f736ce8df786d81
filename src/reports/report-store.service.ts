import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ReportTarget, ReportStatus } from '../../workflows/definitions';
import { isDuplicateKey } from '../common/database-errors';
import { insertValidated } from '../common/insert-validated';
import { KeyIndex } from '../common/key-index';
import { QueueFeed } from '../queue-feed/queue-feed.service';
import { Report, TimelineEntry } from './schemas/report.schema';

// The reporter and the reported user are read so no moderator is shown a case they are part of.
const QUEUE_FIELDS = { target: 1, reasons: 1, policyCategories: 1, reviewOpenedAt: 1, createdAt: 1, evidence: 1, reporterId: 1, reportedUserId: 1 } as const;
/** A step setting one of these moves the report into or out of the moderation queue. */
const QUEUE_MEMBERSHIP: ReadonlyArray<keyof Report> = ['status', 'reviewOpenedAt'];
/** What a queue item shows of its report: a change to it matters only while the report is in the queue. */
const QUEUE_DETAIL: ReadonlyArray<keyof Report> = ['evidence'];
/** Not decided yet: its workflow's first steps still running, or waiting for a moderator. */
const OPEN_STATUSES: ReportStatus[] = ['received', 'awaiting_review'];
/** Most reports a case view lists. */
const CASE_REPORTS_LIMIT = 200;

export interface ReporterTally {
  filed: number;
  approved: number;
  /** Rejected reports, false ones included. */
  rejected: number;
  falseReports: number;
}

export type NewReport = Omit<Report, 'createdAt' | 'updatedAt' | 'timeline'>;

/** The key-index list of a target's reports (see KeyIndex): case decisions, sanctions and the case view read it. */
function reportsOnTargetKey(target: { kind: string; id: string }): string {
  return `reports-on:${target.kind}:${target.id}`;
}

function byFilingOrder(a: Pick<Report, '_id' | 'createdAt'>, b: Pick<Report, '_id' | 'createdAt'>): number {
  return new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
}

/** The only code that writes report documents; shared by the API and the worker's activities. */
@Injectable()
export class ReportStore {
  constructor(
    @InjectModel(Report.name) private readonly reports: Model<Report>,
    private readonly queueFeed: QueueFeed,
    private readonly keys: KeyIndex,
  ) {}

  /**
   * Inserts, or returns the report that already has this id (a repeated idempotency key).
   * `steps` are timeline entries that happened at filing (the friend check), stored with it.
   */
  async insert(report: NewReport, steps: Record<string, TimelineEntry> = {}): Promise<{ report: Report; created: boolean }> {
    // Listed under its target first: a report stored is always found by the target's readers.
    await this.keys.add(reportsOnTargetKey(report.target), report._id);
    try {
      const created = await insertValidated(this.reports, { ...report, timeline: { received: { at: new Date() }, ...steps } });
      return { report: created, created: true };
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

  /**
   * The ids of reports still `received` that were filed before `filedBefore`, oldest first (at
   * most `limit`): the start sweep's candidates. Normally none: a report leaves `received`
   * within a second of filing, unless its workflow did not start or no worker runs.
   */
  async receivedBefore(filedBefore: Date, limit: number): Promise<string[]> {
    const found = await this.reports
      .find({ status: 'received', createdAt: { $lt: filedBefore } }, { _id: 1 })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .lean();
    return found.map((report) => report._id);
  }

  /**
   * Records a workflow step once: the timeline entry and the fields it sets land together in
   * one single-document update, and a retried activity finds the entry and changes nothing.
   * Read and update select by `_id` alone: the embedded FerretDB serves only such a filter from
   * an index (`{ _id, 'timeline.x': { $exists: false } }` scanned every report). A workflow
   * runs its steps one at a time, so only a retry overlapping a slow first attempt could pass
   * the check twice; both then write the same fields. An activity that has just read the
   * report passes it instead of its id, which saves the read.
   */
  async recordStep(report: string | Pick<Report, '_id' | 'timeline' | 'status'>, step: string, set: Partial<Report> = {}, detail?: string): Promise<boolean> {
    await this.announceToQueue(report, step, set);
    const current = typeof report === 'string' ? await this.reports.findById(report, { [`timeline.${step}`]: 1 }).lean() : report;
    if (!current || current.timeline?.[step]) return false;
    const entry: TimelineEntry = detail ? { at: new Date(), detail } : { at: new Date() };
    await this.reports.updateOne({ _id: current._id }, { $set: { ...set, [`timeline.${step}`]: entry } });
    return true;
  }

  /**
   * Tells the API instances' queue projections to read the report again. Before the update, and
   * on every call (a retry finds the step done but still announces it): an entry without its
   * write is only waited for a while, a write without its entry would be missed until the next
   * full reload. Filing needs no entry: a `received` report is not in the queue yet, nor is
   * its evidence, stored before the review opens (a report known by id alone is announced).
   */
  private async announceToQueue(report: string | Pick<Report, '_id' | 'status'>, step: string, set: Partial<Report>): Promise<void> {
    const inQueue = typeof report === 'string' || report.status === 'awaiting_review';
    const visible = QUEUE_MEMBERSHIP.some((field) => field in set) || (inQueue && QUEUE_DETAIL.some((field) => field in set));
    if (visible) await this.queueFeed.append('report', typeof report === 'string' ? report : report._id, step);
  }

  countAwaitingReview(): Promise<number> {
    // Bounded: it runs on every metrics scrape.
    return this.reports.countDocuments({ status: 'awaiting_review' }).maxTimeMS(2_000);
  }

  /**
   * How a reporter's reports ended, for moderators weighing a new one (R3): one read of the
   * reporter's reports (a scan on the embedded FerretDB, moderator views only), not four counts.
   */
  async reporterTally(reporterId: string): Promise<ReporterTally> {
    return (await this.reporterTallies([reporterId])).get(reporterId)!;
  }

  /**
   * The reports about one account, newest first (at most `limit`), without timelines and
   * details: the account history moderators read. A rare, moderator-only read, so it is a query
   * on the reported user (indexed on MongoDB; the embedded FerretDB scans for it).
   */
  aboutUser(reportedUserId: string, limit: number): Promise<Report[]> {
    return this.reports.find({ reportedUserId }, { timeline: 0, details: 0 }).sort({ createdAt: -1, _id: -1 }).limit(limit).lean<Report[]>();
  }

  /** How each reporter's reports ended (R3), in one read for many reporters: what reporter accuracy is computed from. */
  async reporterTallies(reporterIds: string[]): Promise<Map<string, ReporterTally>> {
    const tallies = new Map(reporterIds.map((id) => [id, { filed: 0, approved: 0, rejected: 0, falseReports: 0 }]));
    if (reporterIds.length === 0) return tallies;
    const rows = await this.reports.find({ reporterId: { $in: reporterIds } }, { reporterId: 1, status: 1, 'decision.falseReport': 1 }).lean();
    for (const row of rows) {
      const tally = tallies.get(row.reporterId);
      if (!tally) continue;
      tally.filed += 1;
      if (row.status === 'approved') tally.approved += 1;
      if (row.status === 'rejected') tally.rejected += 1;
      if (row.decision?.falseReport) tally.falseReports += 1;
    }
    return tallies;
  }

  /** Approved reports on one piece of content of the account: the reports behind its sanction (R9, R7). */
  async approvedOn(reportedUserId: string, target: { kind: string; id: string }): Promise<Array<Pick<Report, '_id' | 'reporterId' | 'decision'>>> {
    const approved = (await this.allOnTarget(target)).filter((r) => r.reportedUserId === reportedUserId && r.status === 'approved');
    return approved.map(({ _id, reporterId, decision }) => ({ _id, reporterId, decision })).sort((a, b) => (a._id < b._id ? -1 : 1));
  }

  /**
   * Every report awaiting review (optionally of one target kind), oldest first, with only the
   * fields a queue item shows. The queue groups them by case in memory: priority comes from
   * the reasons of all of a case's reports, which no single-report sort can give.
   */
  awaitingReview(
    targetKind?: string,
  ): Promise<
    Array<Pick<Report, '_id' | 'target' | 'reasons' | 'policyCategories' | 'reviewOpenedAt' | 'createdAt' | 'evidence' | 'reporterId' | 'reportedUserId'>>
  > {
    const filter: Record<string, unknown> = { status: 'awaiting_review', ...(targetKind ? { 'target.kind': targetKind } : {}) };
    return this.reports.find(filter, QUEUE_FIELDS).sort({ reviewOpenedAt: 1, _id: 1 }).lean();
  }

  /** The reports on one target not decided yet: the ones a case decision goes to. */
  async openOnTarget(target: ReportTarget): Promise<Array<Pick<Report, '_id' | 'reporterId'>>> {
    const open = (await this.allOnTarget(target)).filter((r) => OPEN_STATUSES.includes(r.status));
    return open.map(({ _id, reporterId }) => ({ _id, reporterId }));
  }

  /** Every report on one target, oldest first (bounded), for the case view. */
  async onTarget(target: ReportTarget): Promise<Report[]> {
    return (await this.allOnTarget(target)).slice(0, CASE_REPORTS_LIMIT);
  }

  /** Any one report on the target (to find the reported user of a case filed before cases existed). */
  async anyOnTarget(target: ReportTarget): Promise<Pick<Report, 'reportedUserId'> | null> {
    const [first] = await this.allOnTarget(target);
    return first ? { reportedUserId: first.reportedUserId } : null;
  }

  /**
   * The target's reports in filing order, without their timelines and details: listed by the
   * target's key, each read by `_id` (the only filter the embedded FerretDB serves from an index).
   */
  private async allOnTarget(target: { kind: string; id: string }): Promise<Report[]> {
    const ids = await this.keys.list(reportsOnTargetKey(target));
    const found = await Promise.all(ids.map((id) => this.reports.findById(id, { timeline: 0, details: 0 }).lean<Report>()));
    return found.filter((r): r is Report => r !== null && r.target.kind === target.kind && r.target.id === target.id).sort(byFilingOrder);
  }
}
