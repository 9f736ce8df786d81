import { StartSweep } from '../../src/reports/start-sweep.service';
import { Platform } from '../support/platform-fixtures';
import { sampleSum } from '../support/prometheus';
import { TcpGate } from '../support/tcp-gate';
import { testServers } from '../support/test-env';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/**
 * The API reaches Temporal through a gate that drops every connection (Temporal down), opened
 * half-way (Temporal back); the database, Temporal behind the gate and the test's own Temporal
 * client are real. No worker: a started workflow stays at its first task.
 */
let t: TestApp;
let gate: TcpGate;
const filed: Array<{ reportId: string; workflowId: string }> = [];
/** The case of the first report filed while Temporal is down. */
let caseId = '';

beforeAll(async () => {
  gate = await TcpGate.listen(testServers().temporalAddress);
  t = await startTestApp(
    'temporal-down',
    { TEMPORAL_ADDRESS: gate.address, TEMPORAL_RPC_TIMEOUT: '2s', START_SWEEP_INTERVAL: '300ms', START_SWEEP_GRACE: '1s' },
    { worker: false },
  );
});

afterAll(async () => {
  await t?.close();
  await gate?.close();
});

async function statusOf(workflowId: string): Promise<string> {
  try {
    return (await t.temporal.workflow.getHandle(workflowId).describe()).status.name;
  } catch {
    return 'NOT_STARTED';
  }
}

describe('when Temporal is down', () => {
  test('GET /health answers 503 and names Temporal', async () => {
    const res = await t.http().get('/health').expect(503);
    expect(res.body).toEqual({ status: 'unavailable', temporal: 'down', mongo: 'up' });
  });

  test('filing answers 202 `received` and keeps the report: no filing is lost while Temporal is down', async () => {
    const platform = new Platform(t);
    const reporter = await platform.user('rep');
    const postId = await platform.post(await platform.user('author'), 'spam');
    const res = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
    expect(res.body).toMatchObject({ status: 'received', workflowId: `report-${res.body.reportId}` });
    filed.push(res.body);
    caseId = `case-open_chat_post-${postId}`;
    expect((await t.http().get(`/v1/reports/${res.body.reportId}`).expect(200)).body.status).toBe('received');
    expect(await statusOf(res.body.workflowId)).toBe('NOT_STARTED');
  });

  test('filing with Prefer: wait answers the same 202 `received` once its start has failed', async () => {
    const platform = new Platform(t);
    const reporter = await platform.user('rep');
    const postId = await platform.post(await platform.user('author'), 'spam');
    const res = await platform.fileReportWaiting(1, reporter, 'open_chat_post', postId, { reasons: ['spam_advertising'] }).expect(202);
    expect(res.body.status).toBe('received');
    filed.push(res.body);
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter, status: 'received' })).toBe(1);
  });

  test('a case decision whose delivery cannot start answers 503 and is withdrawn: the case stays open, the log keeps both', async () => {
    const res = await t.http().post(`/v1/moderation/cases/${caseId}/approve`).send({});
    expect(res.status).toBe(503);
    const view = (await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({ state: 'open', lastDecision: null });
    expect(view.events.map((e: { seq: number; type: string; withdraws?: string }) => [e.seq, e.type, e.withdraws ?? null])).toEqual([
      [0, 'decision', null],
      [1, 'withdrawal', `${caseId}:000000`],
    ]);
  });
});

describe('when Temporal is back', () => {
  test('the start sweep starts the workflows of the reports filed while it was down, once each', async () => {
    expect(filed).toHaveLength(2);
    gate.openUp();
    for (const { workflowId } of filed)
      await eventually(
        () => statusOf(workflowId),
        (status) => status === 'RUNNING',
        30_000,
      );
    const runIds = await Promise.all(filed.map(async ({ workflowId }) => (await t.temporal.workflow.getHandle(workflowId).describe()).runId));
    const metrics = await t.http().get('/metrics').expect(200);
    expect(sampleSum(metrics.text, 'report_workflows_started_by_sweep_total')).toBe(2);
    // Started but not run (no worker): still received, so still counted for the operators.
    expect(sampleSum(metrics.text, 'reports_received_past_grace')).toBe(2);
    // Still `received` (no worker): a further pass finds them started and starts nothing.
    expect(await t.app.get(StartSweep).sweep()).toBe(0);
    expect(await Promise.all(filed.map(async ({ workflowId }) => (await t.temporal.workflow.getHandle(workflowId).describe()).runId))).toEqual(runIds);
    await t.http().get('/health').expect(200);
  });

  test('the withdrawn decision can be taken again, and is accepted under the next seq', async () => {
    const res = await t.http().post(`/v1/moderation/cases/${caseId}/approve`).send({}).expect(202);
    expect(res.body).toMatchObject({ caseId, decisionId: `${caseId}:000002`, outcome: 'approved', openReports: 1 });
    const view = (await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body;
    expect(view.state).toBe('decided');
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['decision', 'withdrawal', 'decision']);
  });
});
