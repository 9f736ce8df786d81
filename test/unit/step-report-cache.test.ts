import { MockActivityEnvironment } from '@temporalio/testing';
import { StepReportCache, StepReports } from '../../activities/step-report-cache';
import type { Report } from '../../src/reports/schemas/report.schema';

/** A report store in memory that counts its reads; writes as ReportStore does (a step once). */
class CountingStore implements StepReports {
  reads = 0;
  failNextWrite = false;
  readonly reports = new Map<string, Report>();

  async find(reportId: string): Promise<Report | null> {
    this.reads++;
    const report = this.reports.get(reportId);
    return report ? structuredClone(report) : null;
  }

  async recordStep(report: string | Pick<Report, '_id' | 'timeline' | 'status'>, step: string, set: Partial<Report> = {}): Promise<boolean> {
    const id = typeof report === 'string' ? report : report._id;
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('database gone');
    }
    const stored = this.reports.get(id)!;
    if (stored.timeline[step]) return false;
    this.reports.set(id, { ...stored, ...set, timeline: { ...stored.timeline, [step]: { at: new Date() } } });
    return true;
  }

  async openOnTarget(): Promise<Array<Pick<Report, '_id' | 'reporterId'>>> {
    return [];
  }
}

const REPORT_ID = 'rpt_1';
let store: CountingStore;
let cache: StepReportCache;

beforeEach(() => {
  store = new CountingStore();
  store.reports.set(REPORT_ID, { _id: REPORT_ID, status: 'received', timeline: { received: { at: new Date() } } } as unknown as Report);
  cache = new StepReportCache(store);
});

/** Runs `step` as activity number `seq` of workflow run `runId`, the way a worker would. */
function asActivity<T>(seq: number, step: () => Promise<T>, runId = 'run-1'): Promise<T> {
  const env = new MockActivityEnvironment({ activityId: String(seq), workflowExecution: { workflowId: `report-${REPORT_ID}`, runId } });
  return env.run(step);
}

/** A step as the activities write them: read the report, record the step on what was read. */
async function step(name: string, set: Partial<Report> = {}): Promise<Report> {
  const report = (await cache.find(REPORT_ID))!;
  await cache.recordStep(report, name, set);
  return report;
}

describe('the report as the previous step left it (worker-local copy)', () => {
  test('the next activity of the same run reads no database, and sees what the step before wrote', async () => {
    await asActivity(1, () => step('evidence_stored'));
    await asActivity(2, () => step('chat_room_deleted', { status: 'awaiting_review' }));
    const seen = await asActivity(3, () => step('decided', { status: 'approved' }));
    expect(store.reads).toBe(1);
    expect(seen.status).toBe('awaiting_review');
    expect(Object.keys(seen.timeline)).toEqual(['received', 'evidence_stored', 'chat_room_deleted']);
  });

  test('a gap in the numbers (an activity that ran in another worker) reads the database', async () => {
    await asActivity(1, () => step('evidence_stored'));
    // Activity 2 ran elsewhere and recorded its step.
    await store.recordStep(REPORT_ID, 'chat_room_deleted', { status: 'awaiting_review' });
    const seen = await asActivity(3, () => step('decided'));
    expect(store.reads).toBe(2);
    expect(seen.status).toBe('awaiting_review');
  });

  test('another run of the same report reads the database', async () => {
    await asActivity(1, () => step('evidence_stored'));
    await asActivity(2, () => step('chat_room_deleted'), 'run-2');
    expect(store.reads).toBe(2);
  });

  test('a failed write leaves no copy: the retry reads the database', async () => {
    await asActivity(1, () => step('evidence_stored'));
    store.failNextWrite = true;
    await expect(asActivity(2, () => step('chat_room_deleted'))).rejects.toThrow('database gone');
    await asActivity(3, () => step('chat_room_deleted'));
    expect(store.reads).toBe(2);
  });

  test('a step recorded by id (not on the copy) drops the copy', async () => {
    await asActivity(1, async () => {
      await cache.find(REPORT_ID);
      await cache.recordStep(REPORT_ID, 'review_overdue', { status: 'awaiting_review' });
    });
    const seen = await asActivity(2, () => step('expired'));
    expect(store.reads).toBe(2);
    expect(seen.timeline.review_overdue).toBeDefined();
  });

  test('outside an activity every read goes to the database', async () => {
    await step('evidence_stored');
    await step('chat_room_deleted');
    expect(store.reads).toBe(2);
  });

  test('past its capacity the least recently used copy goes', async () => {
    cache = new StepReportCache(store, 1);
    store.reports.set('rpt_2', { ...store.reports.get(REPORT_ID)!, _id: 'rpt_2' });
    await asActivity(1, () => step('evidence_stored'));
    await asActivity(1, () => cache.find('rpt_2'), 'run-of-rpt_2');
    await asActivity(2, () => step('chat_room_deleted'));
    expect(store.reads).toBe(3);
  });
});
