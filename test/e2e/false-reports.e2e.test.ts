import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('false-reports', { FALSE_REPORT_THRESHOLD: '2', FALSE_REPORT_WINDOW: '30d', REPORTING_RESTRICTION: '7d' });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** The R3 notices among a user's notices (receipts and outcomes are there too). */
async function r3NoticeKinds(userId: string): Promise<string[]> {
  const notices = (await t.http().get(`/v1/users/${userId}/notices`).expect(200)).body as Array<{ kind: string }>;
  return notices
    .map((n) => n.kind)
    .filter((kind) => kind === 'false_report_warning' || kind === 'reporting_restricted')
    .sort();
}

/** Files a report on a fresh post and has a moderator reject it. */
async function fileAndReject(reporter: string, falseReport: boolean) {
  const author = await platform.user('author');
  const postId = await platform.post(author, 'a harmless hiking photo');
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['obscene_sexual']).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  await t.http().post(`/v1/reports/${filed.body.reportId}/reject`).send({ falseReport }).expect(200);
  await platform.awaitStep(filed.body.reportId, 'cs_notified');
  return { reportId: filed.body.reportId as string, author };
}

describe('R3: false reports count against the reporter', () => {
  test('R3: the first false report warns, reaching the threshold restricts filing with 403 REPORTER_RESTRICTED', async () => {
    const reporter = await platform.user('rep');
    const first = await fileAndReject(reporter, true);
    await platform.awaitStep(first.reportId, 'false_report_strike');
    expect(await r3NoticeKinds(reporter)).toEqual(['false_report_warning']);
    expect((await t.http().get(`/v1/moderation/reporters/${reporter}`).expect(200)).body).toMatchObject({ falseReports: 1, restrictedUntil: null });

    const second = await fileAndReject(reporter, true);
    await platform.awaitStep(second.reportId, 'false_report_strike');
    const standing = (await t.http().get(`/v1/moderation/reporters/${reporter}`).expect(200)).body;
    expect(standing).toMatchObject({ filed: 2, rejected: 2, falseReports: 2, approved: 0 });
    expect(new Date(standing.restrictedUntil).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const before = await t.mongo.collection('reports').countDocuments({ reporterId: reporter });
    const author = await platform.user('author');
    const postId = await platform.post(author, 'another post');
    const refused = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(403);
    expect(refused.body).toMatchObject({ code: 'REPORTER_RESTRICTED', details: { until: standing.restrictedUntil } });
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(before);
    expect(await r3NoticeKinds(reporter)).toEqual(['false_report_warning', 'reporting_restricted']);
  });

  test('R3: a rejection not marked as false is no strike', async () => {
    const reporter = await platform.user('rep');
    const { reportId } = await fileAndReject(reporter, false);
    const report = await platform.report(reportId);
    expect(report.timeline.map((s: { step: string }) => s.step)).not.toContain('false_report_strike');
    expect(await r3NoticeKinds(reporter)).toEqual([]);
  });

  test('R2: the reported person is told nothing about the reporter', async () => {
    const reporter = await platform.user('rep');
    const { author } = await fileAndReject(reporter, true);
    const theirs = JSON.stringify((await t.http().get(`/v1/users/${author}/notices`).expect(200)).body);
    expect(theirs).not.toContain(reporter);
  });
});
