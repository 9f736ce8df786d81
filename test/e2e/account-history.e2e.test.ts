import { bearer } from '../support/auth';
import { sampleSum } from '../support/prometheus';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('account-history');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

async function decidePostReport(reporter: string, postId: string, outcome: 'approve' | 'reject', body: object = {}) {
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['violent_threatening']).expect(202);
  const reportId: string = filed.body.reportId;
  await platform.awaitStatus(reportId, 'awaiting_review');
  await t.http().post(`/v1/reports/${reportId}/${outcome}`).send(body).expect(200);
  await platform.awaitStep(reportId, 'cs_notified');
  return reportId;
}

describe("the reported account's history (moderators)", () => {
  test('R9, R3: lists the approved report with its reporter accuracy, its sanction in force, and a timeline', async () => {
    const reporter = await platform.user('rep');
    const other = await platform.user('other');
    const author = await platform.user('author');
    const approvedPost = await platform.post(author, 'a threat');
    const approvedId = await decidePostReport(reporter, approvedPost, 'approve');
    // A second reporter whose report on another post is rejected as false: 0 of 1 accurate.
    const rejectedId = await decidePostReport(other, await platform.post(await platform.user('someone'), 'fine'), 'reject', { falseReport: true });

    const history = (
      await t
        .http()
        .get(`/v1/moderation/users/${author}/history`)
        .set('Authorization', await bearer('moderator'))
        .expect(200)
    ).body;
    expect(history.userId).toBe(author);
    expect(history.reports.approved).toHaveLength(1);
    expect(history.reports.approved[0]).toMatchObject({
      reportId: approvedId,
      target: { kind: 'open_chat_post', id: approvedPost },
      status: 'approved',
      policy: 'violence_threats',
      reporterId: reporter,
      reporterAccuracy: { filed: 1, approved: 1, rejected: 0, falseReports: 0, accuracy: 1 },
    });
    expect([...history.reports.rejected, ...history.reports.open, ...history.reports.expired]).toEqual([]);
    // The severe tier's first rung: a 30-day restriction, in force.
    expect(history.sanctions.active).toHaveLength(1);
    const [sanction] = history.sanctions.active;
    expect(sanction).toMatchObject({ status: 'active', measure: 'restriction', days: 30, target: { id: approvedPost }, decidedBy: 'mod-1', appeal: 'none' });
    expect(history.summary).toMatchObject({
      reportsTotal: 1,
      reports: { approved: 1, rejected: 0, open: 0 },
      sanctions: { active: 1, past: 0 },
      restriction: { sanctionId: sanction.sanctionId },
    });
    const kinds = history.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['report_filed', 'report_decided', 'sanction_issued']));
    const times = history.timeline.map((e: { at: string }) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The other reporter's false report is not about this account.
    expect(JSON.stringify(history)).not.toContain(rejectedId);

    const otherHistory = (await t.http().get(`/v1/moderation/users/${other}/history`).expect(200)).body;
    expect(otherHistory.summary.reportsTotal).toBe(0);
  });

  test("R3: the case view shows the account's history in counts and each report's reporter accuracy; accuracy is a metric", async () => {
    const metrics = async () => (await t.http().get('/metrics').expect(200)).text;
    const before = await metrics();
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    // The reporter's first report is rejected as false, the second is approved: accuracy 1 / 2.
    await decidePostReport(reporter, await platform.post(author, 'first'), 'reject', { falseReport: true });
    const postId = await platform.post(author, 'second');
    await decidePostReport(reporter, postId, 'approve');

    const view = (await t.http().get(`/v1/moderation/cases/case-open_chat_post-${postId}`).expect(200)).body;
    expect(view.accountHistory).toMatchObject({ reportsTotal: 2, reports: { approved: 1, rejected: 1, falseReports: 1 }, sanctions: { active: 1 } });
    expect(view.reports[0].reporterAccuracy).toEqual({ filed: 2, approved: 1, rejected: 1, falseReports: 1, accuracy: 0.5 });
    // Accuracy as a metric comes from counters bumped as each decision is recorded: one
    // approval, one rejection marked false, so approved / decided over the two is 1 / 2.
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string> = {}) => sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(delta('report_decisions_total', { outcome: 'approved' })).toBe(1);
    expect(delta('report_decisions_total', { outcome: 'rejected' })).toBe(1);
    expect(delta('reports_marked_false_total')).toBe(1);
    expect(after).not.toContain(reporter);
  });

  test('the queue shows the start of the reported text', async () => {
    const long = `buy followers ${'x'.repeat(300)}`;
    const postId = await platform.post(await platform.user('author'), long);
    const filed = await platform.fileReport(await platform.user('rep'), 'open_chat_post', postId, ['spam_advertising']).expect(202);
    await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
    const item = await eventually(
      async () => (await t.http().get('/v1/moderation/queue?limit=100').expect(200)).body.items.find((i: { target: { id: string } }) => i.target.id === postId),
      (found) => found !== undefined,
    );
    expect(item.preview).toHaveLength(140);
    expect(long.startsWith(item.preview.slice(0, -1))).toBe(true);
  });

  test('staff only: the app role is refused, and an unknown user is a 404', async () => {
    const author = await platform.user('author');
    const app = await t
      .http()
      .get(`/v1/moderation/users/${author}/history`)
      .set('Authorization', await bearer('app'))
      .expect(403);
    expect(app.body.code).toBe('ROLE_FORBIDDEN');
    expect((await t.http().get('/v1/moderation/users/nobody-here/history').expect(404)).body.code).toBe('USER_NOT_FOUND');
  });
});
