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
 * them, nor the report ids (derived from the reporter), nor an id a reported person could
 * recompute from guessed reporters.
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

/** The unkeyed scheme a reported person could run offline: sha256 over the parts, 20 hex digits. */
function unkeyedId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)}`;
}

/** Every non-empty subset of the reasons, each written as the filing identity writes it: sorted, comma-joined. */
function reasonSets(reasons: string[]): string[] {
  const sets: string[] = [];
  for (let mask = 1; mask < 1 << reasons.length; mask++)
    sets.push(
      reasons
        .filter((_, i) => mask & (1 << i))
        .sort()
        .join(','),
    );
  return sets;
}

test('R2: a CS measure names no reporter, and no id the reported person sees can be recomputed from guessed reporters', async () => {
  const reporter = await platform.user('Guinevere');
  const decoys = [await platform.user('decoy-a'), await platform.user('decoy-b'), await platform.user('decoy-c')];
  const reported = await platform.user('reported-cs');
  const postId = await platform.post(reported, 'cheap watches, message me');
  const filedAt = Date.now();
  // No Idempotency-Key: the id follows from reporter, target, reasons and the time alone.
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising', 'fraud_scam']).expect(202);
  const reportId: string = filed.body.reportId;
  await platform.awaitStatus(reportId, 'awaiting_review');
  await t
    .http()
    .post(`/v1/reports/${reportId}/approve`)
    .set('Authorization', await bearer('moderator', 'mod-cs-anon'))
    .send({})
    .expect(200);
  await platform.awaitStep(reportId, 'cs_notified');

  // R9: customer service adds a measure on the decision's ticket; it becomes a second sanction.
  const support = await bearer('support', 'cs-anon');
  const [ticket] = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}`).set('Authorization', support).expect(200)).body.items;
  const resolved = (
    await t.http().post(`/v1/cs/tickets/${ticket.ticketId}/resolve`).set('Authorization', support).send({ measure: 'restriction', days: 3 }).expect(200)
  ).body;
  const restrictions = (await t.http().get(`/v1/users/${reported}/restrictions`).expect(200)).body;
  const notices = await eventually(
    async () => (await t.http().get(`/v1/users/${reported}/notices`).expect(200)).body,
    (list: Array<{ kind: string }>) => list.filter((n) => n.kind === 'sanction_statement').length === 2,
  );
  const webhooks = await eventually(
    async () => [...receiver.notices.values()].filter((n) => n.body.userId === reported).map((n) => n.body),
    (list) => list.length === notices.length,
  );
  const outputs = { restrictions, notices, webhooks };
  const text = JSON.stringify(outputs);
  // The CS measure is among what the reported person receives.
  expect(text).toContain(resolved.sanctionId);

  // (a) Nothing received names the reporter, the report or the ticket.
  for (const trace of [...tracesOf(reporter, 'Guinevere'), reportId, ticket.ticketId])
    expect({ leaks: text.includes(trace) ? trace : null }).toEqual({ leaks: null });

  // (b) The reported person's offline attempt: content id known, filing time known to ±30 s,
  // candidate reporters (the real one among them) and reasons guessed. Each guess is turned
  // into the report id, the ticket ids and the CS-measure sanction id the unkeyed scheme gives.
  const visible = new Set(text.match(/[a-z_]+-[a-z]{3}_[0-9a-f]{20}|[a-z]{3}_[0-9a-f]{20}/g) ?? []);
  expect(visible.size).toBeGreaterThan(0);
  const windowMs = 10_000;
  const hits: string[] = [];
  for (const candidate of [...decoys, reporter]) {
    for (const reasons of reasonSets(['abusive_hateful', 'fraud_scam', 'spam_advertising', 'violent_threatening'])) {
      for (let w = Math.floor((filedAt - 30_000) / windowMs); w <= Math.floor((filedAt + 30_000) / windowMs); w++) {
        const guessedReport = unkeyedId('rpt', candidate, 'open_chat_post', postId, reasons, `w${w}`);
        const guessedTickets = ['report_decided', 'review_overdue', 'report_expired'].map((kind) => `${kind}-${guessedReport}`);
        const guesses = [guessedReport, ...guessedTickets, ...guessedTickets.map((id) => unkeyedId('snc', 'ticket', id))];
        if (guesses.some((id) => visible.has(id))) hits.push(`${candidate} (${reasons}, window ${w})`);
      }
    }
  }
  expect(hits).toEqual([]);
});
