import { tokenFor } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('evidence_access');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

async function postReport() {
  const reporter = await platform.user('rep');
  const author = await platform.user('author');
  const postId = await platform.post(author, 'the reported post');
  const res = await platform.fileReport(reporter, 'open_chat_post', postId).expect(202);
  await platform.awaitStatus(res.body.reportId, 'awaiting_review');
  return res.body.reportId as string;
}

const as = async (roles: Parameters<typeof tokenFor>[0], sub: string) => `Bearer ${await tokenFor(roles, sub)}`;
const accessLog = async (reportId: string) =>
  (
    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence/access-log`)
      .set('Authorization', await as('support', 'cs-agent-1'))
      .expect(200)
  ).body;

describe('R6: evidence access log', () => {
  test('R6: each read of the evidence or its verification adds one entry naming the caller', async () => {
    const reportId = await postReport();
    expect((await accessLog(reportId)).entries).toEqual([]);

    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence`)
      .set('Authorization', await as('moderator', 'mod-alice'))
      .expect(200);
    expect((await accessLog(reportId)).entries).toHaveLength(1);
    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence/verify`)
      .set('Authorization', await as('support', 'cs-bob'))
      .expect(200);
    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence`)
      .set('Authorization', await as(['moderator', 'support'], 'mod-carol'))
      .expect(200);

    const log = await accessLog(reportId);
    expect(log.reportId).toBe(reportId);
    expect(log.entries).toEqual([
      expect.objectContaining({ readerSub: 'mod-alice', readerRoles: ['moderator'], read: 'evidence', outcome: 'served' }),
      expect.objectContaining({ readerSub: 'cs-bob', readerRoles: ['support'], read: 'verification', outcome: 'served' }),
      expect.objectContaining({ readerSub: 'mod-carol', readerRoles: ['moderator', 'support'], read: 'evidence', outcome: 'served' }),
    ]);
    const times = log.entries.map((e: { at: string }) => Date.parse(e.at));
    expect(times.every((time: number) => Number.isFinite(time))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Reading the log itself adds nothing.
    expect((await accessLog(reportId)).entries).toHaveLength(3);
  });

  test('R6: an attempt on a report whose evidence is not stored yet (its workflow has not run) is logged as not_found', async () => {
    const reporter = await platform.user('rep');
    const friend = await platform.user('friend');
    // Stored as filing stores it, but never started: no workflow captures its evidence.
    const reportId = `rpt_unstarted_${reporter}`;
    const now = new Date();
    await t.mongo.collection<Record<string, unknown> & { _id: string }>('reports').insertOne({
      _id: reportId,
      reporterId: reporter,
      reportedUserId: friend,
      target: { kind: 'chat_message', id: `msg_${friend}` },
      reasons: ['other'],
      policyCategories: ['other'],
      status: 'received',
      workflowId: `report-${reportId}`,
      timeline: { received: { at: now }, friend_check: { at: now, detail: 'passed at filing' } },
      createdAt: now,
      updatedAt: now,
    });

    const res = await t
      .http()
      .get(`/v1/reports/${reportId}/evidence`)
      .set('Authorization', await as('moderator', 'mod-dave'))
      .expect(404);
    expect(res.body.code).toBe('EVIDENCE_NOT_FOUND');
    expect((await accessLog(reportId)).entries).toEqual([expect.objectContaining({ readerSub: 'mod-dave', read: 'evidence', outcome: 'not_found' })]);
  });

  test('the access log is for moderators and support: an app backend gets 403, an unknown report 404', async () => {
    const reportId = await postReport();
    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence/access-log`)
      .set('Authorization', await as('app', 'app-backend'))
      .expect(403);
    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence`)
      .set('Authorization', await as('app', 'app-backend'))
      .expect(403);
    // A refused caller read nothing, so nothing is logged.
    expect((await accessLog(reportId)).entries).toEqual([]);
    const unknown = await t
      .http()
      .get('/v1/reports/rpt_nope/evidence/access-log')
      .set('Authorization', await as('moderator', 'mod-alice'))
      .expect(404);
    expect(unknown.body.code).toBe('REPORT_NOT_FOUND');
  });
});
