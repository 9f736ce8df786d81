import type { Response } from 'supertest';
import { bearer } from '../support/auth';
import { AnswerSchemas } from '../support/openapi-schema';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/**
 * The staff routes' success answers, produced for real (not the 404s Schemathesis mostly gets
 * with generated ids), each checked against its schema in the published docs/openapi.json. The
 * schemas are read closed: a field the document does not name fails too.
 */
let t: TestApp;
let platform: Platform;
const schemas = new AnswerSchemas();
const checked = new Set<string>();

beforeAll(async () => {
  t = await startTestApp('staff-answer-schemas');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** `res` is the documented success answer of `method path` (the path as the document writes it). */
function expectDocumented(method: 'get' | 'post', path: string, res: Response): Response {
  expect(res.status).toBe(200);
  expect(schemas.problems(method, path, res.status, res.body)).toEqual([]);
  checked.add(`${method.toUpperCase()} ${path}`);
  return res;
}

test('R3, R6, R9: the staff answers of a report, its evidence, its ticket and its sanction say what the document says', async () => {
  const [mod1, mod2, cs1] = [await bearer('moderator', 'mod-1'), await bearer('moderator', 'mod-2'), await bearer('support', 'cs-1')];
  const as = (token: string) => ({
    get: (url: string) => t.http().get(url).set('Authorization', token),
    post: (url: string) => t.http().post(url).set('Authorization', token),
  });

  // R6: a threatening chat message, reported; its evidence is captured before the review opens.
  const approved = await platform.chatReport(['violent_threatening']);
  const evidence = await eventually(
    async () => await as(mod1).get(`/v1/reports/${approved.reportId}/evidence`),
    (res) => res.status === 200,
  );
  expect(expectDocumented('get', '/v1/reports/{reportId}/evidence', evidence).body).toMatchObject({ intact: true });
  const verified = expectDocumented('get', '/v1/reports/{reportId}/evidence/verify', await as(mod1).get(`/v1/reports/${approved.reportId}/evidence/verify`));
  expect(verified.body).toMatchObject({ status: 'intact', findings: [] });
  const log = expectDocumented('get', '/v1/reports/{reportId}/evidence/access-log', await as(mod1).get(`/v1/reports/${approved.reportId}/evidence/access-log`));
  expect(log.body.entries.map((e: { read: string }) => e.read)).toEqual(expect.arrayContaining(['evidence', 'verification']));

  const decided = await as(mod1).post(`/v1/reports/${approved.reportId}/approve`).send({});
  expect(expectDocumented('post', '/v1/reports/{reportId}/approve', decided).body).toEqual({ reportId: approved.reportId, status: 'approved' });

  // R3: a false report, rejected; the reporter's standing counts it.
  const falseOne = await platform.chatReport(['spam_advertising']);
  const rejected = await as(mod1).post(`/v1/reports/${falseOne.reportId}/reject`).send({ falseReport: true });
  expect(expectDocumented('post', '/v1/reports/{reportId}/reject', rejected).body).toEqual({ reportId: falseOne.reportId, status: 'rejected' });
  const standing = await as(mod1).get(`/v1/moderation/reporters/${falseOne.reporter}`);
  expect(expectDocumented('get', '/v1/moderation/reporters/{userId}', standing).body).toMatchObject({ filed: 1, falseReports: 1, restrictedUntil: null });

  // R9: CS resolves both tickets: one with no measure (no sanction), one with a restriction it then lifts.
  await platform.awaitStep(approved.reportId, 'cs_notified');
  await platform.awaitStep(falseOne.reportId, 'cs_notified');
  const ticketOf = async (reportId: string) => (await as(cs1).get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items[0].ticketId as string;
  const none = await as(cs1)
    .post(`/v1/cs/tickets/${await ticketOf(approved.reportId)}/resolve`)
    .send({ measure: 'none' });
  expect(expectDocumented('post', '/v1/cs/tickets/{ticketId}/resolve', none).body).toMatchObject({ measure: 'none', sanctionId: null });
  const restriction = await as(cs1)
    .post(`/v1/cs/tickets/${await ticketOf(falseOne.reportId)}/resolve`)
    .send({ measure: 'restriction', days: 3 });
  expect(expectDocumented('post', '/v1/cs/tickets/{ticketId}/resolve', restriction).body).toMatchObject({ measure: 'restriction', days: 3 });
  const lifted = await as(cs1).post(`/v1/cs/sanctions/${restriction.body.sanctionId}/lift`).send({ note: 'quoted a film' });
  expect(expectDocumented('post', '/v1/cs/sanctions/{sanctionId}/lift', lifted).body).toMatchObject({ userId: falseOne.reported, status: 'lifted' });

  // R9: the approval's sanction, appealed by its person and upheld by another moderator.
  const [sanction] = (await t.http().get(`/v1/users/${approved.reported}/restrictions`).expect(200)).body.active;
  await t.http().post(`/v1/users/${approved.reported}/restrictions/${sanction.sanctionId}/appeal`).send({ statement: 'a song lyric' }).expect(201);
  const appeals = await as(mod2).get('/v1/moderation/appeals?status=pending&limit=200');
  const item = expectDocumented('get', '/v1/moderation/appeals', appeals).body.items.find((a: { userId: string }) => a.userId === approved.reported);
  expect(item).toMatchObject({ status: 'pending', sanction: { sanctionId: sanction.sanctionId, appeal: { status: 'pending' } } });
  const upheld = await as(mod2).post(`/v1/moderation/appeals/${item.appealId}/decide`).send({ outcome: 'uphold' });
  expect(expectDocumented('post', '/v1/moderation/appeals/{appealId}/decide', upheld).body).toMatchObject({
    outcome: 'upheld',
    sanction: { status: 'overturned' },
  });

  // R6: the answers of an altered set (one stored item edited in place) are documented too.
  await t.mongo.collection('evidence_items').updateOne({ reportId: falseOne.reportId, seq: 0 }, { $set: { text: 'edited later' } });
  const altered = await as(mod1).get(`/v1/reports/${falseOne.reportId}/evidence/verify`);
  expect(expectDocumented('get', '/v1/reports/{reportId}/evidence/verify', altered).body).toMatchObject({ status: 'altered', firstAlteredIndex: 0 });
  const alteredView = await as(mod1).get(`/v1/reports/${falseOne.reportId}/evidence`);
  expect(expectDocumented('get', '/v1/reports/{reportId}/evidence', alteredView).body).toMatchObject({
    intact: false,
    items: [
      { seq: 0, digestValid: false },
      { seq: 1, digestValid: true },
    ],
  });

  expect([...checked].sort()).toEqual(
    [
      'GET /v1/moderation/appeals',
      'GET /v1/moderation/reporters/{userId}',
      'GET /v1/reports/{reportId}/evidence',
      'GET /v1/reports/{reportId}/evidence/access-log',
      'GET /v1/reports/{reportId}/evidence/verify',
      'POST /v1/cs/sanctions/{sanctionId}/lift',
      'POST /v1/cs/tickets/{ticketId}/resolve',
      'POST /v1/moderation/appeals/{appealId}/decide',
      'POST /v1/reports/{reportId}/approve',
      'POST /v1/reports/{reportId}/reject',
    ].sort(),
  );
});
