import { createHash } from 'node:crypto';
import { bearer } from '../support/auth';
import { NoticeReceiver } from '../support/notice-receiver';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/**
 * R2 as a property of every output: whatever the reported person can receive (profile, friends,
 * blocks, notices, restrictions with their statements, appeal answers, refused writes while
 * restricted (R9), webhooks
 * addressed to them) carries neither the reporters' ids nor names nor anything derived from
 * them, nor the report ids (derived from the reporter when an Idempotency-Key is used).
 */
const SECRET = 'anonymity-webhook-secret';
let t: TestApp;
let platform: Platform;
let receiver: NoticeReceiver;

beforeAll(async () => {
  receiver = new NoticeReceiver(SECRET, 0);
  t = await startTestApp('anonymity', { NOTICE_WEBHOOK_URL: await receiver.start(), NOTICE_WEBHOOK_SECRET: SECRET });
  platform = new Platform(t);
}, 60_000);

afterAll(async () => {
  await t?.close();
  await receiver?.stop();
});

/** The spellings a reporter's identity could leak in. */
function tracesOf(reporterId: string, displayName: string): string[] {
  const hash = (algorithm: string) => createHash(algorithm).update(reporterId).digest('hex');
  return [
    reporterId,
    displayName,
    Buffer.from(reporterId).toString('base64'),
    Buffer.from(reporterId).toString('base64url'),
    Buffer.from(reporterId).toString('hex'),
    hash('sha256'),
    hash('sha256').slice(0, 16),
    hash('sha1'),
    hash('md5'),
  ];
}

test('R2: nothing the reported person can receive names or points to a reporter', async () => {
  // Display names are the labels (ids are label plus a random suffix).
  const names = { chat: 'Rosalind', post: 'Percival' };
  const chatReporter = await platform.user(names.chat);
  const postReporter = await platform.user(names.post);
  const reported = await platform.user('reported');
  const chatId = await platform.chat(chatReporter, reported);
  const messageId = await platform.message(chatId, reported, 'you will regret this');
  const postId = await platform.post(reported, 'buy followers here');
  // The reported person knows who they chatted with; what must not change is their view of it.
  const chatViewBefore = (await t.http().get(`/v1/chats/${chatId}?userId=${reported}`).expect(200)).body;

  const filedChat = await platform.fileReport(chatReporter, 'chat_message', messageId, ['violent_threatening'], 'anon-key-1').expect(202);
  const filedPost = await platform.fileReport(postReporter, 'open_chat_post', postId, ['abusive_hateful']).expect(202);
  const reportIds: string[] = [filedChat.body.reportId, filedPost.body.reportId];
  for (const reportId of reportIds) {
    await platform.awaitStatus(reportId, 'awaiting_review');
    await t
      .http()
      .post(`/v1/reports/${reportId}/approve`)
      .set('Authorization', await bearer('moderator', 'mod-anon'))
      .send({})
      .expect(200);
    await platform.awaitStep(reportId, 'cs_notified');
  }

  // The reported person appeals one sanction; another moderator denies it, so an answer exists.
  const restrictions = (await t.http().get(`/v1/users/${reported}/restrictions`).expect(200)).body;
  const sanctions = [...restrictions.active, ...restrictions.past];
  expect(sanctions.length).toBe(2);
  const appeal = await t.http().post(`/v1/users/${reported}/restrictions/${sanctions[0].sanctionId}/appeal`).send({ statement: 'Who said this?' }).expect(201);
  const decided = await t
    .http()
    .post(`/v1/moderation/appeals/${appeal.body.appealId}/decide`)
    .set('Authorization', await bearer('moderator', 'mod-appeals'))
    .send({ outcome: 'deny' })
    .expect(200);

  const notices = await eventually(
    async () => (await t.http().get(`/v1/users/${reported}/notices`).expect(200)).body,
    (list: Array<{ kind: string }>) => list.some((n) => n.kind === 'appeal_denied'),
  );
  const webhooks = await eventually(
    async () => [...receiver.notices.values()].filter((n) => n.body.userId === reported),
    (list) => list.length === notices.length,
  );
  // R9: the approvals restrict the account; its refused writes are outputs it receives too.
  const board = (await t.http().post('/v1/open-chats').send({ title: 'Board', ownerId: chatReporter }).expect(201)).body.openChatId;
  const refusals = [
    await t.http().post(`/v1/chats/${chatId}/messages`).send({ senderId: reported, text: 'who reported me?' }),
    await t.http().post(`/v1/open-chats/${board}/posts`).send({ authorId: reported, text: 'who reported me?' }),
    await t.http().post(`/v1/posts/${postId}/comments`).send({ authorId: reported, text: 'who reported me?' }),
  ].map((res) => ({ status: res.status, body: res.body }));
  expect(refusals.map((r) => r.body.code)).toEqual(['ACCOUNT_RESTRICTED', 'ACCOUNT_RESTRICTED', 'ACCOUNT_RESTRICTED']);
  const outputs: Record<string, unknown> = {
    refusals,
    profile: (await t.http().get(`/v1/users/${reported}`).expect(200)).body,
    friends: (await t.http().get(`/v1/users/${reported}/friends`).expect(200)).body,
    blocks: (await t.http().get(`/v1/users/${reported}/blocks`).expect(200)).body,
    restrictions: (await t.http().get(`/v1/users/${reported}/restrictions`).expect(200)).body,
    appealFiled: appeal.body,
    appealAnswer: decided.body.sanction,
    notices,
    webhooks: webhooks.map((w) => w.body),
  };
  // The outputs are real: statements, notices and deliveries exist to be checked.
  expect(notices.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['sanction_statement', 'appeal_denied']));
  expect(webhooks.length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(outputs.restrictions)).toContain(postId);

  // R2, R6: the room is deleted for the reporter only; the reported person's view shows no trace of it.
  expect((await t.http().get(`/v1/chats/${chatId}?userId=${reported}`).expect(200)).body).toEqual(chatViewBefore);

  const forbidden = [...tracesOf(chatReporter, names.chat), ...tracesOf(postReporter, names.post), ...reportIds];
  for (const [output, value] of Object.entries(outputs)) {
    const text = JSON.stringify(value);
    for (const trace of forbidden) expect({ output, leaks: text.includes(trace) ? trace : null }).toEqual({ output, leaks: null });
  }
});
