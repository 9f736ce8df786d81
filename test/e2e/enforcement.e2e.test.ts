import { SanctionStore } from '../../src/sanctions/sanction-store.service';
import { bearer } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp('enforcement');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** An approved report on a post by `author` with `reasons`; answers the sanction the ladder issued. */
async function sanctionFor(author: string, reasons: string[]) {
  const postId = await platform.post(author, `post ${Math.random()}`);
  const filed = await platform.fileReport(await platform.user('rep'), 'open_chat_post', postId, reasons).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  await t.http().post(`/v1/reports/${filed.body.reportId}/approve`).send({}).expect(200);
  await platform.awaitStep(filed.body.reportId, 'sanctioned');
  return (await t.http().get(`/v1/users/${author}/restrictions`).expect(200)).body.active[0];
}

/** The three writes a restriction refuses, each answered with its status and body; and how many messages/posts/comments got stored. */
async function tryAllThree(author: string, chatId: string, openChatId: string, postId: string) {
  const answers = [
    await t.http().post(`/v1/chats/${chatId}/messages`).send({ senderId: author, text: 'hello' }),
    await t.http().post(`/v1/open-chats/${openChatId}/posts`).send({ authorId: author, text: 'a post' }),
    await t.http().post(`/v1/posts/${postId}/comments`).send({ authorId: author, text: 'a comment' }),
  ];
  return answers.map((res) => ({ status: res.status, body: res.body }));
}

async function storedBy(author: string) {
  const [messages, posts, comments] = await Promise.all(
    [
      ['messages', 'senderId'],
      ['posts', 'authorId'],
      ['comments', 'authorId'],
    ].map(([collection, field]) => t.mongo.collection(collection).countDocuments({ [field]: author })),
  );
  return { messages, posts, comments };
}

async function setting(author: string) {
  const other = await platform.user('other');
  const chatId = await platform.chat(author, other);
  const openChat = (await t.http().post('/v1/open-chats').send({ title: 'Board', ownerId: other }).expect(201)).body.openChatId;
  const postId = (await t.http().post(`/v1/open-chats/${openChat}/posts`).send({ authorId: other, text: 'hi' }).expect(201)).body.postId;
  return { other, chatId, openChat, postId };
}

describe('R9: a restriction in force stops the account writing', () => {
  test('R9: refused with 403 ACCOUNT_RESTRICTED on all three routes, nothing stored; allowed again once CS lifts it', async () => {
    const author = await platform.user('author');
    // The severe tier's first rung is a 30-day restriction.
    const sanction = await sanctionFor(author, ['violent_threatening']);
    expect(sanction).toMatchObject({ status: 'active', measure: 'restriction', days: 30 });
    const { chatId, openChat, postId } = await setting(author);
    const before = await storedBy(author);

    for (const answer of await tryAllThree(author, chatId, openChat, postId)) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'ACCOUNT_RESTRICTED', details: { sanctionId: sanction.sanctionId, until: sanction.endsAt } } });
    }
    expect(await storedBy(author)).toEqual(before);

    await t
      .http()
      .post(`/v1/cs/sanctions/${sanction.sanctionId}/lift`)
      .set('Authorization', await bearer('support', 'cs-1'))
      .send({})
      .expect(200);
    expect((await tryAllThree(author, chatId, openChat, postId)).map((a) => a.status)).toEqual([201, 201, 201]);
    expect(await storedBy(author)).toEqual({ messages: before.messages + 1, posts: before.posts + 1, comments: before.comments + 1 });
  });

  test('R9: a permanent sanction answers until: null', async () => {
    const author = await platform.user('author');
    // The critical tier (illegal content) goes straight to permanent.
    const sanction = await sanctionFor(author, ['illegal_content']);
    const { chatId, openChat, postId } = await setting(author);
    for (const answer of await tryAllThree(author, chatId, openChat, postId)) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'ACCOUNT_RESTRICTED', details: { sanctionId: sanction.sanctionId, until: null } } });
    }
  });

  test('R9: a warning restricts nothing', async () => {
    const author = await platform.user('author');
    const sanction = await sanctionFor(author, ['abusive_hateful']);
    expect(sanction).toMatchObject({ measure: 'warning', status: 'on_record' });
    const { chatId, openChat, postId } = await setting(author);
    expect((await tryAllThree(author, chatId, openChat, postId)).map((a) => a.status)).toEqual([201, 201, 201]);
  });

  test('R9: the end of the term takes effect on the next request, before the workflow records it', async () => {
    const author = await platform.user('author');
    const { chatId, openChat, postId } = await setting(author);
    // A restriction issued a day ago whose one-day term runs out in a moment (no workflow: its end
    // is recorded by nothing, so only the term itself can end it).
    const now = Date.now();
    await t.app.get(SanctionStore).insert({
      _id: `snc_expiring_${author}`.slice(0, 60),
      userId: author,
      measure: 'restriction',
      days: 1,
      policy: 'spam',
      target: { kind: 'open_chat_post', id: postId },
      source: 'customer_service',
      decidedBy: 'cs-1',
      priorSanctions: 0,
      startsAt: new Date(now - DAY + 1_500),
      endsAt: new Date(now + 1_500),
      appealableUntil: new Date(now + 180 * DAY),
    });
    expect((await tryAllThree(author, chatId, openChat, postId)).map((a) => a.body.code)).toEqual([
      'ACCOUNT_RESTRICTED',
      'ACCOUNT_RESTRICTED',
      'ACCOUNT_RESTRICTED',
    ]);
    await eventually(
      () => t.http().post(`/v1/chats/${chatId}/messages`).send({ senderId: author, text: 'back' }),
      (res) => res.status === 201,
      10_000,
    );
    expect((await tryAllThree(author, chatId, openChat, postId)).slice(1).map((a) => a.status)).toEqual([201, 201]);
  });
});

describe('R7, R8: blocks take effect in 1:1 chats', () => {
  test('R7: a blocked sender is answered as usual and sees the message; the blocker never receives it; after unblocking (R8) later ones arrive', async () => {
    const blocker = await platform.user('blocker');
    const sender = await platform.user('sender');
    const chatId = await platform.chat(blocker, sender);
    await platform.message(chatId, sender, 'before the block');
    await platform.block(blocker, sender);

    const whileBlocked = await t.http().post(`/v1/chats/${chatId}/messages`).send({ senderId: sender, text: 'while blocked' });
    // Not disclosed: the same status and body shape as a delivered message.
    expect(whileBlocked.status).toBe(201);
    expect(Object.keys(whileBlocked.body)).toEqual(['messageId']);
    const texts = async (userId: string) =>
      (await t.http().get(`/v1/chats/${chatId}?userId=${userId}`).expect(200)).body.messages.map((m: { text: string }) => m.text);
    expect(await texts(sender)).toEqual(['before the block', 'while blocked']);
    expect(await texts(blocker)).toEqual(['before the block']);
    // The blocker's own messages still reach the person they block.
    await platform.message(chatId, blocker, 'from the blocker');
    expect(await texts(sender)).toContain('from the blocker');

    await t.http().delete(`/v1/users/${blocker}/blocks/${sender}`).expect(200);
    await platform.message(chatId, sender, 'after unblocking');
    expect(await texts(blocker)).toEqual(['before the block', 'from the blocker', 'after unblocking']);
  });
});
