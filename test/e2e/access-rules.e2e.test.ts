import { bearer } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

/** Rules that depend on who the caller is, beyond the role: conflicts of interest and flooding. */
let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('access-rules', { FILING_RATE_LIMIT: '3/1m' });
  platform = new Platform(t);
}, 60_000);

afterAll(() => t?.close());

async function fileOnPost(reporter: string, author: string): Promise<string> {
  const postId = await platform.post(author, 'a post');
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  return filed.body.reportId;
}

test('a moderator cannot decide a report they filed, nor one about them; the decision is recorded under the token subject', async () => {
  const [reporter, author] = [await platform.user('mod-reporter'), await platform.user('mod-author')];
  const reportId = await fileOnPost(reporter, author);
  for (const sub of [reporter, author]) {
    const refused = await t
      .http()
      .post(`/v1/reports/${reportId}/approve`)
      .set('Authorization', await bearer('moderator', sub))
      .send({})
      .expect(403);
    expect(refused.body.code).toBe('MODERATOR_CONFLICT_OF_INTEREST');
  }
  const spoofed = await t
    .http()
    .post(`/v1/reports/${reportId}/approve`)
    .set('Authorization', await bearer('moderator', 'mod-7'))
    .send({ moderatorId: 'mod-9' });
  expect(spoofed.status).toBe(400);
  await t
    .http()
    .post(`/v1/reports/${reportId}/approve`)
    .set('Authorization', await bearer('moderator', 'mod-7'))
    .send({})
    .expect(200);
  expect((await platform.report(reportId)).decision).toMatchObject({ outcome: 'approved', moderatorId: 'mod-7' });
});

test('filing is limited per reporter: past the limit 429 RATE_LIMITED with Retry-After, nothing stored, other reporters unaffected', async () => {
  const [flooder, calm, author] = [await platform.user('flooder'), await platform.user('calm'), await platform.user('flood-target')];
  const posts = await Promise.all([1, 2, 3, 4].map((i) => platform.post(author, `post ${i}`)));
  for (const postId of posts.slice(0, 3)) await platform.fileReport(flooder, 'open_chat_post', postId).expect(202);
  const limited = await platform.fileReport(flooder, 'open_chat_post', posts[3]).expect(429);
  expect(limited.body.code).toBe('RATE_LIMITED');
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(await t.mongo.collection('reports').countDocuments({ reporterId: flooder })).toBe(3);
  await platform.fileReport(calm, 'open_chat_post', posts[3]).expect(202);
});
