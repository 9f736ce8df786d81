import { caseIdOf } from '../../src/cases/case-id';
import { CaseDecisionInput, caseDecisionWorkflowId } from '../../workflows/case-decision.workflow';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('late-case-decision');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/**
 * A case decision whose fan-out runs late (worker down or backlogged) reaches the reports open
 * by then, including ones filed after the moderator decided. Started here with the decision's
 * own time, as the API records it, so the report below was filed after the decision.
 */
async function deliverLate(caseId: string, decidedAt: Date, decision: CaseDecisionInput['decision']): Promise<void> {
  const input: CaseDecisionInput = { caseId, decisionId: `${caseId}:late-${Date.now()}`, decidedAt: decidedAt.toISOString(), decision };
  const handle = await t.temporal.workflow.start('caseDecisionWorkflow', {
    workflowId: caseDecisionWorkflowId(input.decisionId),
    taskQueue: t.taskQueue,
    args: [input],
  });
  await handle.result();
}

describe('R3: a late case decision and reports filed after it', () => {
  test('a report filed after a false-report rejection takes the rejection but no strike against its reporter', async () => {
    const reporter = await platform.user('rep');
    const postId = await platform.post(await platform.user('author'), 'a post');
    const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
    const reportId: string = filed.body.reportId;
    const report = await platform.awaitStatus(reportId, 'awaiting_review');
    const decidedBeforeFiling = new Date(new Date(report.createdAt).getTime() - 60_000);

    await deliverLate(caseIdOf({ kind: 'open_chat_post', id: postId }), decidedBeforeFiling, { outcome: 'rejected', moderatorId: 'mod-2', falseReport: true });
    const done = await platform.awaitStep(reportId, 'cs_notified');
    expect(done.decision).toMatchObject({ outcome: 'rejected', moderatorId: 'mod-2', falseReport: false });
    expect(done.timeline.map((s: { step: string }) => s.step)).not.toContain('false_report_strike');
    expect((await t.http().get(`/v1/moderation/reporters/${reporter}`).expect(200)).body).toMatchObject({ rejected: 1, falseReports: 0 });
  });

  test('a report filed before the decision it reaches late takes the false-report mark the moderator gave', async () => {
    const reporter = await platform.user('rep');
    const postId = await platform.post(await platform.user('author'), 'another post');
    const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
    const reportId: string = filed.body.reportId;
    await platform.awaitStatus(reportId, 'awaiting_review');

    await deliverLate(caseIdOf({ kind: 'open_chat_post', id: postId }), new Date(), { outcome: 'rejected', moderatorId: 'mod-2', falseReport: true });
    const done = await platform.awaitStep(reportId, 'false_report_strike');
    expect(done.decision).toMatchObject({ outcome: 'rejected', falseReport: true });
  });
});
