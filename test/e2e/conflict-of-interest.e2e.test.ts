import { bearer } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('conflict-of-interest');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** A reported post awaiting review; the reporter and author are users who may also be staff. */
async function reportedPost(reasons = ['violent_threatening']) {
  const reporter = await platform.user('rep');
  const author = await platform.user('author');
  const postId = await platform.post(author, `post ${Math.random()}`);
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, reasons).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  return { reporter, author, postId, reportId: filed.body.reportId as string, caseId: `case-open_chat_post-${postId}` };
}

/** A reported post approved by mod-2, once its sanction on the author is in force. */
async function sanctionedPost() {
  const reported = await reportedPost();
  await t
    .http()
    .post(`/v1/reports/${reported.reportId}/approve`)
    .set('Authorization', await bearer('moderator', 'mod-2'))
    .send({})
    .expect(200);
  await platform.awaitStep(reported.reportId, 'cs_notified');
  const [sanction] = (await t.http().get(`/v1/users/${reported.author}/restrictions`).expect(200)).body.active;
  return { ...reported, sanction: sanction as { sanctionId: string } };
}

test('a moderator who reported the content may not reopen its decided case', async () => {
  const { reporter, caseId, reportId } = await reportedPost(['spam_advertising']);
  await t
    .http()
    .post(`/v1/moderation/cases/${caseId}/reject`)
    .set('Authorization', await bearer('moderator', 'mod-2'))
    .send({})
    .expect(202);
  await platform.awaitStep(reportId, 'cs_notified');
  const res = await t
    .http()
    .post(`/v1/moderation/cases/${caseId}/reopen`)
    .set('Authorization', await bearer('moderator', reporter))
    .expect(403);
  expect(res.body.code).toBe('MODERATOR_CONFLICT_OF_INTEREST');
  await t
    .http()
    .post(`/v1/moderation/cases/${caseId}/reopen`)
    .set('Authorization', await bearer('moderator', 'mod-3'))
    .expect(200);
});

test("per-report approve and reject respect another moderator's claim on the case", async () => {
  const { caseId, reportId } = await reportedPost(['spam_advertising']);
  await t
    .http()
    .post(`/v1/moderation/cases/${caseId}/claim`)
    .set('Authorization', await bearer('moderator', 'mod-2'))
    .expect(200);
  const other = await bearer('moderator', 'mod-3');
  expect((await t.http().post(`/v1/reports/${reportId}/approve`).set('Authorization', other).send({}).expect(409)).body.code).toBe('CASE_ALREADY_CLAIMED');
  expect((await t.http().post(`/v1/reports/${reportId}/reject`).set('Authorization', other).send({}).expect(409)).body.code).toBe('CASE_ALREADY_CLAIMED');
  await t
    .http()
    .post(`/v1/reports/${reportId}/reject`)
    .set('Authorization', await bearer('moderator', 'mod-2'))
    .send({})
    .expect(200);
});

test('support may neither lift a sanction on their own account nor resolve a ticket about themselves', async () => {
  const { author, reportId, sanction } = await sanctionedPost();
  const asAuthor = await bearer('support', author);
  const lift = await t.http().post(`/v1/cs/sanctions/${sanction.sanctionId}/lift`).set('Authorization', asAuthor).send({}).expect(403);
  expect(lift.body.code).toBe('STAFF_CONFLICT_OF_INTEREST');
  const [ticket] = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items;
  const resolve = await t.http().post(`/v1/cs/tickets/${ticket.ticketId}/resolve`).set('Authorization', asAuthor).send({ measure: 'none' }).expect(403);
  expect(resolve.body.code).toBe('STAFF_CONFLICT_OF_INTEREST');
  expect((await t.http().get(`/v1/cs/tickets/${ticket.ticketId}`).expect(200)).body.status).toBe('open');
});

async function queueCaseIds(sub: string): Promise<string[]> {
  const res = await t
    .http()
    .get('/v1/moderation/queue?limit=100')
    .set('Authorization', await bearer('moderator', sub))
    .expect(200);
  return res.body.items.map((item: { caseId: string }) => item.caseId);
}

test('a moderator is neither shown nor given a case about themselves or one they reported', async () => {
  const { reporter, author, caseId } = await reportedPost(['spam_advertising']);
  expect(await queueCaseIds('mod-3')).toContain(caseId);
  for (const involved of [author, reporter]) {
    expect(await queueCaseIds(involved)).not.toContain(caseId);
    const asInvolved = await bearer('moderator', involved);
    for (const action of ['claim', 'approve', 'reject']) {
      const res = await t.http().post(`/v1/moderation/cases/${caseId}/${action}`).set('Authorization', asInvolved).send({}).expect(403);
      expect(res.body.code).toBe('MODERATOR_CONFLICT_OF_INTEREST');
    }
  }
});

test('R2: staff who are the reported person cannot read the report, so they never learn who reported them', async () => {
  const { author, reporter, reportId } = await reportedPost(['spam_advertising']);
  const read = async (role: 'moderator' | 'support', sub: string) =>
    t
      .http()
      .get(`/v1/reports/${reportId}`)
      .set('Authorization', await bearer(role, sub));
  for (const [role, code] of [
    ['moderator', 'MODERATOR_CONFLICT_OF_INTEREST'],
    ['support', 'STAFF_CONFLICT_OF_INTEREST'],
  ] as const) {
    const refused = await read(role, author);
    expect([refused.status, refused.body.code]).toEqual([403, code]);
    expect(JSON.stringify(refused.body)).not.toContain(reporter);
  }
  const uninvolved = await read('support', 'cs-2');
  expect(uninvolved.status).toBe(200);
  expect(uninvolved.body.reporterId).toBe(reporter);
});

test('an appeal is not decided by a moderator whose report led to the sanction', async () => {
  const { reporter, author, sanction } = await sanctionedPost();
  const appeal = await t.http().post(`/v1/users/${author}/restrictions/${sanction.sanctionId}/appeal`).send({ statement: 'not me' }).expect(201);
  const decide = (sub: string) =>
    bearer('moderator', sub).then((auth) =>
      t.http().post(`/v1/moderation/appeals/${appeal.body.appealId}/decide`).set('Authorization', auth).send({ outcome: 'deny' }),
    );
  const byReporter = await decide(reporter);
  expect(byReporter.status).toBe(403);
  expect(byReporter.body.code).toBe('MODERATOR_CONFLICT_OF_INTEREST');
  expect((await decide('mod-3')).status).toBe(200);
});
