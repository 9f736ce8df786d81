import { ChatsService } from '../../src/chats/chats.service';
import { messageIdAt } from '../../src/chats/schemas/message.schema';
import { CaseStore } from '../../src/cases/case-store.service';
import { UsersService } from '../../src/users/users.service';
import { startWorkerContext } from '../support/worker-context';

/**
 * A chat's messages and a case's events are write-once lists at positions 0, 1, 2, ... read by
 * `_id` (the one filter the embedded FerretDB serves from an index). What breaks such a list is
 * a lost write or a gap: both are checked here against the real database.
 */
let ctx: Awaited<ReturnType<typeof startWorkerContext>>;
let chats: ChatsService;
let counter = 0;

beforeAll(async () => {
  ctx = await startWorkerContext('positions');
  chats = ctx.app.get(ChatsService);
});

afterAll(async () => {
  await ctx?.close();
});

async function newChat(): Promise<{ chatId: string; a: string; b: string }> {
  const n = ++counter;
  const [a, b] = [`pos-a${n}`, `pos-b${n}`];
  const users = ctx.app.get(UsersService);
  await users.create({ userId: a, displayName: 'A' });
  await users.create({ userId: b, displayName: 'B' });
  return { ...(await chats.create({ memberIds: [a, b] })), a, b };
}

describe('a chat’s messages', () => {
  test('messages sent at once to one chat are all stored, each at its own position, with no gap', async () => {
    const { chatId, a, b } = await newChat();
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => chats.postMessage(chatId, { senderId: i % 2 ? a : b, text: `burst ${i}` })));
    const ids = sent.map((s) => s.messageId).sort();
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => messageIdAt(chatId, i)));
    const texts = (await ctx.mongo.collection('messages').find({ chatId }).toArray()).map((m) => m.text as string).sort();
    expect(texts).toEqual(Array.from({ length: 20 }, (_, i) => `burst ${i}`).sort());
    // The next one goes after them.
    expect((await chats.postMessage(chatId, { senderId: a, text: 'after' })).messageId).toBe(messageIdAt(chatId, 20));
  });

  test('R6: the conversation up to the report leaves out what was sent after it, and keeps the latest `limit`', async () => {
    const { chatId, a, b } = await newChat();
    for (let i = 0; i < 5; i++) await chats.postMessage(chatId, { senderId: i % 2 ? a : b, text: `before ${i}` });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const cutoff = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await chats.postMessage(chatId, { senderId: a, text: 'after the report' });

    const all = await chats.conversationUpTo(chatId, cutoff, 10);
    expect(all.messages.map((m) => m.text)).toEqual(['before 0', 'before 1', 'before 2', 'before 3', 'before 4']);
    expect(all.truncated).toBe(false);
    const latest = await chats.conversationUpTo(chatId, cutoff, 3);
    expect(latest.messages.map((m) => m.text)).toEqual(['before 2', 'before 3', 'before 4']);
    expect(latest.truncated).toBe(true);
    expect((await chats.conversationUpTo((await newChat()).chatId, cutoff, 10)).messages).toEqual([]);
  });
});

describe('a case’s events', () => {
  test('a withdrawn decision counts as never taken, stays in the log, and the next event takes the seq after it', async () => {
    const store = ctx.app.get(CaseStore);
    const caseId = await store.ensureCase({ kind: 'open_chat_post', id: `post-withdrawn-${++counter}` }, 'pos-author');
    const { event: decision } = await store.append(caseId, () => ({ type: 'decision', moderatorId: 'mod-1', decision: { outcome: 'approved' } }));
    expect((await store.statusOf(caseId)).state).toBe('decided');

    await store.withdraw(decision);
    const status = await store.statusOf(caseId);
    expect(status).toMatchObject({ state: 'open', lastDecision: null, eventCount: 2 });
    expect((await store.eventsOf(caseId)).map((e) => [e.seq, e.type, e.withdraws ?? null])).toEqual([
      [0, 'decision', null],
      [1, 'withdrawal', decision._id],
    ]);

    const { event: again } = await store.append(caseId, () => ({ type: 'decision', moderatorId: 'mod-2', decision: { outcome: 'rejected' } }));
    expect(again.seq).toBe(2);
    expect((await store.statusOf(caseId)).lastDecision).toMatchObject({ decisionId: again._id, outcome: 'rejected', moderatorId: 'mod-2' });
  });

  test('events appended at once by many moderators fill seqs 0..n-1, and all of them are read back', async () => {
    const store = ctx.app.get(CaseStore);
    const caseId = await store.ensureCase({ kind: 'open_chat_post', id: `post-claims-${++counter}` }, 'pos-author');
    // Each claim is refused unless the case is unclaimed, so at most one of a round lands; unclaims free it again.
    for (let round = 0; round < 6; round++) {
      const moderators = ['mod-1', 'mod-2', 'mod-3'];
      const claims = await Promise.allSettled(
        moderators.map((moderatorId) =>
          store.append(caseId, (current) => {
            if (current.claim) throw new Error('claimed');
            return { type: 'claim', moderatorId, expiresAt: new Date(Date.now() + 60_000) };
          }),
        ),
      );
      const won = claims.flatMap((c) => (c.status === 'fulfilled' ? [c.value.event] : []));
      expect(won).toHaveLength(1);
      await store.append(caseId, () => ({ type: 'unclaim', moderatorId: won[0].moderatorId }));
    }
    const events = await store.eventsOf(caseId);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(events.map((e) => e.type)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? 'unclaim' : 'claim')));
  });
});
