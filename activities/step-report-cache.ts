import { Context } from '@temporalio/activity';
import { type ReportStore, stepEntries } from '../src/reports/report-store.service';
import type { Report } from '../src/reports/schemas/report.schema';

export type StepReports = Pick<ReportStore, 'find' | 'recordStep' | 'openOnTarget'>;

/** Where an activity stands in its workflow run. */
interface StepPosition {
  runId: string;
  /** The workflow numbers the activities it schedules 1, 2, 3, ... (local ones too, each attempt of those). */
  seq: number;
}

interface Entry extends StepPosition {
  report: Report;
}

const DEFAULT_CAPACITY = 500;

/**
 * The report as the previous step of the same workflow run left it, when that step ran in this
 * worker: every step reads its report first, and most follow one that just read and wrote it
 * here (the steps before the review in one workflow task, those after the decision too).
 *
 * A copy is used only by the activity the workflow scheduled right after the one that left it
 * (same run, next number). Nothing else can have changed the report in between: a report is
 * written only by its own workflow's steps, one at a time, after it was inserted (ReportStore),
 * so the step before is the last writer. A step that ran elsewhere, a gap in the numbers, a
 * write by id or a failed write: the copy is not used, and the step reads the database.
 * Outside an activity (direct calls in tests) nothing is kept.
 */
export class StepReportCache implements StepReports {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: StepReports,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  async find(reportId: string): Promise<Report | null> {
    const position = currentPosition();
    const entry = this.entries.get(reportId);
    if (position && entry && entry.runId === position.runId && entry.seq === position.seq - 1) {
      this.keep(reportId, { ...position, report: entry.report });
      return entry.report;
    }
    this.entries.delete(reportId);
    const report = await this.store.find(reportId);
    if (report && position) this.keep(reportId, { ...position, report });
    return report;
  }

  async recordStep(...args: Parameters<StepReports['recordStep']>): Promise<boolean> {
    const [report, step, set = {}, detail, alsoSteps = []] = args;
    const reportId = typeof report === 'string' ? report : report._id;
    const entry = this.entries.get(reportId);
    // Only a write on this step's own copy can be applied to it.
    const own = typeof report !== 'string' && entry?.report === report && isCurrent(entry) ? entry : undefined;
    this.entries.delete(reportId);
    const recorded = await this.store.recordStep(...args);
    if (own) {
      // The copy's new timeline times are this worker's clock a moment after the stored ones; no step reads them.
      const report = recorded ? { ...own.report, ...set, timeline: { ...own.report.timeline, ...stepEntries(step, detail, alsoSteps, new Date()) } } : own.report;
      this.keep(reportId, { ...own, report });
    }
    return recorded;
  }

  openOnTarget(...args: Parameters<StepReports['openOnTarget']>): ReturnType<StepReports['openOnTarget']> {
    return this.store.openOnTarget(...args);
  }

  /** Most recently used last; the oldest goes once the capacity is reached. */
  private keep(reportId: string, entry: Entry): void {
    this.entries.delete(reportId);
    this.entries.set(reportId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

function isCurrent(entry: StepPosition): boolean {
  const position = currentPosition();
  return position !== null && position.runId === entry.runId && position.seq === entry.seq;
}

/** Null outside an activity, and for an activity id the workflow did not number. */
function currentPosition(): StepPosition | null {
  let info;
  try {
    info = Context.current().info;
  } catch {
    return null;
  }
  const seq = Number(info.activityId);
  return Number.isInteger(seq) && info.workflowExecution?.runId ? { runId: info.workflowExecution.runId, seq } : null;
}
