import type { Response } from 'supertest';
import { bearer } from '../support/auth';
import { AnswerSchemas } from '../support/openapi-schema';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/*
 * The happy paths Schemathesis rarely reaches (its generated ids mostly answer 404): real data
 * through the app-facing routes, each answer validated against the served document's schema
 * for its status. Stricter than the document on one point: an object schema that lists its
 * properties accepts no other property, so an answer cannot carry a field the document does
 * not state (R2: nothing undeclared reaches the reported person's app).
 */

let t: TestApp;
let platform: Platform;
let schemas: AnswerSchemas;

type Json = Record<string, unknown>;

/** Fails with every mismatch if `res` is not what the document says `method path` answers with its status. */
function expectConforms<T = Json>(res: Response, method: string, path: string): T {
  expect(schemas.problems(method, path, res.status, res.body)).toEqual([]);
  return res.body as T;
}

beforeAll(async () => {
  t = await startTestApp('response_schemas');
  platform = new Platform(t);
  schemas = new AnswerSchemas((await t.http().get('/docs-json').expect(200)).body);
});

afterAll(async () => {
  await t?.close();
});

describe('typed success answers match the document (issue 27)', () => {
  test('the catalogues: report reasons and policy categories', async () => {
    const reasons = expectConforms(await t.http().get('/v1/report-reasons').expect(200), 'get', '/v1/report-reasons');
    expect(reasons).toEqual(expect.arrayContaining([{ code: 'spam_advertising', label: 'Spam or advertising', policyCategory: 'spam' }]));
    const policies = expectConforms(await t.http().get('/v1/policy-categories').expect(200), 'get', '/v1/policy-categories');
    expect(policies).toEqual(expect.arrayContaining([{ code: 'privacy', label: 'Exposure of personal information' }]));
  });

  test('content creation: chat, message, open chat, post, comment', async () => {
    const [a, b] = [await platform.user('ana'), await platform.user('ben')];
    const chat = expectConforms<{ chatId: string }>(
      await t
        .http()
        .post('/v1/chats')
        .send({ memberIds: [a, b] })
        .expect(201),
      'post',
      '/v1/chats',
    );
    expectConforms(
      await t.http().post(`/v1/chats/${chat.chatId}/messages`).send({ senderId: a, text: 'hi' }).expect(201),
      'post',
      '/v1/chats/{chatId}/messages',
    );
    const openChat = expectConforms<{ openChatId: string }>(
      await t.http().post('/v1/open-chats').send({ title: 'Board', ownerId: a }).expect(201),
      'post',
      '/v1/open-chats',
    );
    const post = expectConforms<{ postId: string }>(
      await t.http().post(`/v1/open-chats/${openChat.openChatId}/posts`).send({ authorId: a, text: 'a post' }).expect(201),
      'post',
      '/v1/open-chats/{openChatId}/posts',
    );
    expectConforms(
      await t.http().post(`/v1/posts/${post.postId}/comments`).send({ authorId: b, text: 'a comment' }).expect(201),
      'post',
      '/v1/posts/{postId}/comments',
    );
  });

  test('R2, R9: notices, restrictions and the appeal after an approved report; R6: the export and its check', async () => {
    const { reporter, reported, reportId } = await platform.chatReport();
    await platform.approve(reportId, 'mod-27', 'sanctioned');

    const restrictions = await eventually(
      () => t.http().get(`/v1/users/${reported}/restrictions`).expect(200),
      (res) => res.body.active.length > 0,
    );
    const before = expectConforms<{ active: Array<{ sanctionId: string }> }>(restrictions, 'get', '/v1/users/{userId}/restrictions');
    const [sanction] = before.active;
    const appealPath = `/v1/users/${reported}/restrictions/${sanction.sanctionId}/appeal`;
    expectConforms(
      await t.http().post(appealPath).send({ statement: 'I was joking' }).expect(201),
      'post',
      '/v1/users/{userId}/restrictions/{sanctionId}/appeal',
    );
    const after = expectConforms<{ active: Array<{ appeal: unknown }> }>(
      await t.http().get(`/v1/users/${reported}/restrictions`).expect(200),
      'get',
      '/v1/users/{userId}/restrictions',
    );
    expect(after.active[0].appeal).toMatchObject({ status: 'pending' });

    for (const userId of [reporter, reported]) {
      const notices = expectConforms<Array<{ noticeId: string }>>(
        await t.http().get(`/v1/users/${userId}/notices`).expect(200),
        'get',
        '/v1/users/{userId}/notices',
      );
      expect(notices.length).toBeGreaterThan(0);
      expectConforms(await t.http().get(`/v1/notices/${notices[0].noticeId}`).expect(200), 'get', '/v1/notices/{noticeId}');
    }

    await t.http().get(`/v1/reports/${reportId}/evidence/verify`).expect(200);
    const app = await bearer('app', 'chat-app');
    const exportRes = await t.http().get(`/v1/reports/${reportId}/evidence/export?userId=${reporter}`).set('Authorization', app).expect(200);
    const bundle = expectConforms<{ evidence: { items: Array<{ text: string }> } }>(exportRes, 'get', '/v1/reports/{reportId}/evidence/export');
    expectConforms(await t.http().get('/.well-known/evidence-keys').expect(200), 'get', '/.well-known/evidence-keys');

    const verify = (body: unknown) =>
      t
        .http()
        .post('/v1/evidence/exports/verify')
        .send(body as object);
    expect(expectConforms(await verify(bundle).expect(200), 'post', '/v1/evidence/exports/verify')).toMatchObject({ result: 'valid', findings: [] });
    const altered = structuredClone(bundle);
    altered.evidence.items[0].text = 'edited';
    expect(expectConforms(await verify(altered).expect(200), 'post', '/v1/evidence/exports/verify')).toMatchObject({
      result: 'invalid',
      firstAlteredItem: { index: 0 },
    });
    expect(expectConforms(await verify({}).expect(200), 'post', '/v1/evidence/exports/verify')).toEqual({
      result: 'invalid',
      kid: null,
      findings: ['malformed'],
    });
  });

  test('the export check refuses a body that is not an object, in the shared error shape', async () => {
    const array = await t.http().post('/v1/evidence/exports/verify').send([1, 2]).expect(400);
    expect(expectConforms(array, 'post', '/v1/evidence/exports/verify')).toMatchObject({ code: 'VALIDATION_FAILED' });
    const none = await t.http().post('/v1/evidence/exports/verify').expect(400);
    expect(expectConforms(none, 'post', '/v1/evidence/exports/verify')).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
