import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  // 1,000 filings by one reporter: the per-reporter rate limit is not what this file tests.
  t = await startTestApp('concurrency', { FILING_RATE_LIMIT: '100000/1m' });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

async function postTarget() {
  const reporter = await platform.user('rep');
  const author = await platform.user('author');
  return { reporter, postId: await platform.post(author, 'buy cheap followers') };
}

async function workflowsOf(reporter: string): Promise<number> {
  const ids = (await t.mongo.collection('reports').find({ reporterId: reporter }).toArray()).map((r) => r.workflowId as string);
  let found = 0;
  for (const id of ids)
    if (
      await t.temporal.workflow
        .getHandle(id)
        .describe()
        .then(
          () => true,
          () => false,
        )
    )
      found++;
  return found;
}

describe('filing under concurrency', () => {
  test('1,000 concurrent filings with one Idempotency-Key make one report and one workflow', async () => {
    const { reporter, postId } = await postTarget();
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () => platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising'], 'burst-1')),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 202)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.reportId)).size).toBe(1);
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(1);
    expect(await workflowsOf(reporter)).toBe(1);
  });

  test('the same filing repeated without a key within the window is one report', async () => {
    const { reporter, postId } = await postTarget();
    const answers = await Promise.all(Array.from({ length: 20 }, () => platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising'])));
    expect(new Set(answers.map((a) => a.body.reportId)).size).toBe(1);
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(1);
  });

  test('different reasons are a different report', async () => {
    const { reporter, postId } = await postTarget();
    const a = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
    const b = await platform.fileReport(reporter, 'open_chat_post', postId, ['fraud_scam']).expect(202);
    expect(a.body.reportId).not.toBe(b.body.reportId);
  });
});

describe('decision races', () => {
  async function reportAwaitingReview() {
    const { reporter, postId } = await postTarget();
    const res = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
    await platform.awaitStatus(res.body.reportId, 'awaiting_review');
    return { reporter, reportId: res.body.reportId as string, workflowId: res.body.workflowId as string };
  }

  test('concurrent approve, reject and a second approve: exactly one applies, the others get 409', async () => {
    const { reporter, reportId, workflowId } = await reportAwaitingReview();
    const decisions = await Promise.all([
      t.http().post(`/v1/reports/${reportId}/approve`).send({}),
      t.http().post(`/v1/reports/${reportId}/reject`).send({}),
      t.http().post(`/v1/reports/${reportId}/approve`).send({}),
      t.temporal.workflow
        .getHandle(workflowId)
        .signal('reject', { moderatorId: 'support-1' })
        .then(() => ({ status: 'signal' })),
    ]);
    const http = decisions.slice(0, 3) as Array<{ status: number; body: { code?: string; status?: string } }>;
    const winners = http.filter((d) => d.status === 200);
    const losers = http.filter((d) => d.status === 409);
    expect(winners.length + losers.length).toBe(3);
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(losers.every((d) => d.body.code === 'REPORT_ALREADY_DECIDED')).toBe(true);

    const done = await platform.awaitStep(reportId, 'cs_notified');
    if (winners.length === 1) expect(done.status).toBe(winners[0].body.status);
    const tickets = await t.mongo.collection('cs_tickets').countDocuments({ reportId, kind: 'report_decided' });
    expect(tickets).toBe(1);
    expect(await t.mongo.collection('block_events').countDocuments({ blockerId: reporter })).toBe(done.status === 'approved' ? 1 : 0);
  });
});
