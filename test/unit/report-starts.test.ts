import { Logger } from '@nestjs/common';
import { MAX_BACKGROUND_STARTS, ReportStarts } from '../../src/reports/report-starts.service';
import type { Report } from '../../src/reports/schemas/report.schema';
import type { ReportWorkflows } from '../../src/reports/report-workflows.service';

/** Starts that finish (or fail) only when the test says so. */
class HeldStarts {
  readonly held = new Map<string, { resolve: (started: boolean) => void; reject: (error: Error) => void }>();
  start = async (report: Report): Promise<boolean> => new Promise((resolve, reject) => this.held.set(report._id, { resolve, reject }));
}

function report(n: number): Report {
  const at = new Date();
  return {
    _id: `rpt_${n}`,
    reporterId: 'rep',
    reportedUserId: 'author',
    target: { kind: 'open_chat_post', id: `post_${n}` },
    reasons: ['spam_advertising'],
    policyCategories: ['spam'],
    status: 'received',
    workflowId: `report-rpt_${n}`,
    timeline: { received: { at } },
    createdAt: at,
    updatedAt: at,
  };
}

/** Settles within a few turns of the event loop, or is still pending. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.finally(() => (settled = true));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('ReportStarts: filing answers once the report is stored, its start follows', () => {
  let workflows: HeldStarts;
  let starts: ReportStarts;
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    workflows = new HeldStarts();
    starts = new ReportStarts(workflows as unknown as ReportWorkflows);
  });
  afterEach(() => jest.restoreAllMocks());

  test(`filing does not wait for its start while at most ${MAX_BACKGROUND_STARTS} are under way; past that it waits for its own`, async () => {
    for (let n = 0; n < MAX_BACKGROUND_STARTS; n++) expect(await settledSoon(starts.startSoon(report(n)))).toBe(true);
    expect(workflows.held.size).toBe(MAX_BACKGROUND_STARTS);
    const over = starts.startSoon(report(MAX_BACKGROUND_STARTS));
    expect(await settledSoon(over)).toBe(false);
    workflows.held.get(`rpt_${MAX_BACKGROUND_STARTS}`)!.resolve(true);
    expect(await settledSoon(over)).toBe(true);
  });

  test('a failed start is logged and left to the start sweep: filing is not failed by it', async () => {
    await starts.startSoon(report(1));
    workflows.held.get('rpt_1')!.reject(new Error('TEMPORAL_UNAVAILABLE'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining('rpt_1: workflow not started yet, the start sweep will'));
  });

  test('shutting down waits for the starts under way', async () => {
    await starts.startSoon(report(1));
    const shutdown = starts.beforeApplicationShutdown();
    expect(await settledSoon(shutdown)).toBe(false);
    workflows.held.get('rpt_1')!.resolve(true);
    expect(await settledSoon(shutdown)).toBe(true);
  });
});
