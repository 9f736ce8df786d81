import { newId } from '../../src/common/ids';
import { friendCheckStep } from '../../src/reports/filing-admission';
import { ReportStore } from '../../src/reports/report-store.service';
import { ReportWorkflows } from '../../src/reports/report-workflows.service';
import { policyCategoriesOf } from '../../src/reports/report-reasons';
import { reportWorkflowId } from '../../workflows/definitions';
import { Platform } from '../support/platform-fixtures';
import { sampleSum } from '../support/prometheus';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * Reports stored but never started, as when an API instance stops between filing's insert and
 * its start: the start sweep, or a moderator's decision, starts them. Real Temporal, worker and
 * database; the sweep looks every 300 ms at reports older than 3 s.
 */
let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('start-sweep', { START_SWEEP_INTERVAL: '300ms', START_SWEEP_GRACE: '3s' });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** What filing stores for an admitted report on an Open Chat post, without the start that follows. */
async function storedWithoutStart(): Promise<string> {
  const reporterId = await platform.user('rep');
  const authorId = await platform.user('author');
  const postId = await platform.post(authorId, 'buy followers');
  const reportId = newId('rpt');
  const reasons = ['spam_advertising'];
  const admission = { admitted: true, reporterId, authorId, checkedAt: new Date().toISOString() };
  await t.app.get(ReportStore).insert(
    {
      _id: reportId,
      reporterId,
      reportedUserId: authorId,
      target: { kind: 'open_chat_post', id: postId },
      reasons,
      policyCategories: policyCategoriesOf(reasons),
      status: 'received',
      workflowId: reportWorkflowId(reportId),
    },
    friendCheckStep(admission),
  );
  return reportId;
}

async function startedBySweep(): Promise<number> {
  return sampleSum((await t.http().get('/metrics').expect(200)).text, 'report_workflows_started_by_sweep_total');
}

test('a report stored but never started is started by the start sweep and reaches review', async () => {
  const reportId = await storedWithoutStart();
  await platform.awaitStatus(reportId, 'awaiting_review');
  const history = await t.temporal.workflow.getHandle(reportWorkflowId(reportId)).fetchHistory();
  expect(history.events?.[0].workflowExecutionStartedEventAttributes?.workflowType?.name).toBe('reportLifecycleWorkflow');
  expect(await startedBySweep()).toBe(1);
});

test('a moderator approving a report whose workflow has not started yet starts it, and the approval runs its steps', async () => {
  const reportId = await storedWithoutStart();
  // Within the sweep's grace: only the decision can have started it.
  const res = await t.http().post(`/v1/reports/${reportId}/approve`).send({}).expect(200);
  expect(res.body).toEqual({ reportId, status: 'approved' });
  const report = await platform.awaitStep(reportId, 'auto_block');
  expect(report.status).toBe('approved');
  expect(await startedBySweep()).toBe(1);
});

test("the sweep's look-up in Temporal's visibility store names the reports that have a workflow, and only those", async () => {
  const never = await storedWithoutStart();
  const reporter = await platform.user('rep');
  const postId = await platform.post(await platform.user('author'), 'spam');
  const filed = (await platform.fileReportWaiting(5, reporter, 'open_chat_post', postId, { reasons: ['spam_advertising'] }).expect(202)).body;
  expect(filed.status).toBe('awaiting_review');
  const found = await t.app.get(ReportWorkflows).withWorkflow([never, filed.reportId, 'rpt_00000000000000000000']);
  expect([...found]).toEqual([filed.reportId]);
});
