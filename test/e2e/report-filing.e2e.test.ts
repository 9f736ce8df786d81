import { statusQuery } from '../../workflows/definitions';
import { activityTypesOf } from '../support/history';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('filing');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

const reportCount = () => t.mongo.collection('reports').countDocuments();

describe('filing a report', () => {
  let alice: string;
  let bob: string;
  let messageId: string;

  beforeAll(async () => {
    alice = await platform.user('alice');
    bob = await platform.user('bob');
    const chatId = await platform.chat(alice, bob);
    messageId = await platform.message(chatId, bob, 'you will regret this');
  });

  test.each([
    ['R1: an unknown target kind', { target: { kind: 'voice_call', id: 'x1' }, reasons: ['other'] }, 'UNKNOWN_TARGET_KIND'],
    ['R1: a missing target', { reasons: ['other'] }, 'MISSING_TARGET'],
    ['R1: empty reasons', { target: { kind: 'chat_message', id: 'x1' }, reasons: [] }, 'EMPTY_REASONS'],
    ['R1: an unknown reason', { target: { kind: 'chat_message', id: 'x1' }, reasons: ['rude'] }, 'UNKNOWN_REASON'],
    ['a malformed target id', { target: { kind: 'chat_message', id: 'a b' }, reasons: ['other'] }, 'INVALID_ID'],
    ['a Mongo operator as an id', { target: { kind: 'chat_message', id: { $gt: '' } }, reasons: ['other'] }, 'FORBIDDEN_KEY'],
    ['an unknown property', { target: { kind: 'chat_message', id: 'x1' }, reasons: ['other'], admin: true }, 'VALIDATION_FAILED'],
  ])('%s is refused with 400 and nothing is stored', async (_name, body, code) => {
    const before = await reportCount();
    const res = await t
      .http()
      .post('/v1/reports')
      .send({ reporterId: alice, ...body })
      .expect(400);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
    expect(await reportCount()).toBe(before);
  });

  test('malformed JSON gets 400 MALFORMED_JSON', async () => {
    const res = await t.http().post('/v1/reports').set('content-type', 'application/json').send('{"reporterId":').expect(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  test('a target that does not exist is 404 TARGET_NOT_FOUND and nothing is stored', async () => {
    const before = await reportCount();
    const res = await platform.fileReport(alice, 'chat_message', 'msg_missing').expect(404);
    expect(res.body.code).toBe('TARGET_NOT_FOUND');
    expect(await reportCount()).toBe(before);
  });

  test("a message of a chat the reporter is not in is 404 TARGET_NOT_FOUND (no one reports others' private chats)", async () => {
    const carol = await platform.user('carol');
    const res = await platform.fileReport(carol, 'chat_message', messageId).expect(404);
    expect(res.body.code).toBe('TARGET_NOT_FOUND');
  });

  test('reporting your own content is 400 CANNOT_REPORT_OWN_CONTENT', async () => {
    const res = await platform.fileReport(bob, 'chat_message', messageId).expect(400);
    expect(res.body.code).toBe('CANNOT_REPORT_OWN_CONTENT');
  });

  test('an unknown reporter is 404 USER_NOT_FOUND', async () => {
    const res = await platform.fileReport('nobody-here', 'chat_message', messageId).expect(404);
    expect(res.body.code).toBe('USER_NOT_FOUND');
  });

  test('GET /v1/report-reasons lists the catalogue with policy categories (R1, R10)', async () => {
    const res = await t.http().get('/v1/report-reasons').expect(200);
    const codes = res.body.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['spam_advertising', 'violent_threatening', 'illegal_content', 'other']));
    expect(res.body.every((r: { label: string; policyCategory: string }) => r.label && r.policyCategory)).toBe(true);
  });
});

describe('R4, R5: the friend check', () => {
  async function friendsWithMessage() {
    const reporter = await platform.user('rep');
    const friend = await platform.user('friend');
    await platform.befriend(reporter, friend);
    const chatId = await platform.chat(reporter, friend);
    const messageId = await platform.message(chatId, friend, 'send me money or else');
    return { reporter, friend, chatId, messageId };
  }

  test("R4: a friend's message is refused at once with 409 FRIEND_MESSAGE_NOT_REPORTABLE, saying how to proceed, and nothing is stored or started", async () => {
    const { reporter, messageId, chatId } = await friendsWithMessage();
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(409);
    expect(res.body.code).toBe('FRIEND_MESSAGE_NOT_REPORTABLE');
    expect(res.body.message).toMatch(/delete the friend.*hide.*Hidden Friends.*block/i);
    // No report, so no workflow either (one is only started for a stored report).
    expect(res.body.details?.reportId).toBeUndefined();
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(0);
    // Refused means nothing else happened: the room is still there for the reporter.
    await t.http().get(`/v1/chats/${chatId}`).query({ userId: reporter }).expect(200);
  });

  test('R4: an admitted report carries the friend check judged at filing into its workflow, which runs no friend-check activity', async () => {
    const reporter = await platform.user('rep');
    const stranger = await platform.user('stranger');
    const chatId = await platform.chat(reporter, stranger);
    const messageId = await platform.message(chatId, stranger, 'send me money or else');
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    await platform.awaitStatus(res.body.reportId, 'awaiting_review');
    const report = await platform.report(res.body.reportId);
    expect(report.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ step: 'friend_check', detail: 'passed at filing' })]));
    const handle = t.temporal.workflow.getHandle(res.body.workflowId);
    const { admission } = await handle.query(statusQuery);
    expect(admission).toMatchObject({ admitted: true, reporterId: reporter, authorId: stranger });
    // R6 and the review, then the wait: no friend check of its own.
    const types = await eventually(
      async () => activityTypesOf(await handle.fetchHistory()),
      (list) => list.includes('openReview'),
    );
    expect(types).toEqual(['storeEvidence', 'deleteChatRoom', 'openReview']);
  });

  test('R4: a hidden friend is still a friend: refused', async () => {
    const { reporter, friend, messageId } = await friendsWithMessage();
    await t.http().post(`/v1/users/${reporter}/friends/${friend}/hide`).expect(200);
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(409);
    expect(res.body.code).toBe('FRIEND_MESSAGE_NOT_REPORTABLE');
  });

  test('R5: deleting a friend who is not hidden is 409 FRIEND_NOT_HIDDEN with guidance', async () => {
    const { reporter, friend } = await friendsWithMessage();
    const res = await t.http().delete(`/v1/users/${reporter}/friends/${friend}`).expect(409);
    expect(res.body.code).toBe('FRIEND_NOT_HIDDEN');
    expect(res.body.message).toMatch(/hide/i);
  });

  test('R4, R5: after hide then delete, the same message can be reported', async () => {
    const { reporter, friend, messageId } = await friendsWithMessage();
    await t.http().post(`/v1/users/${reporter}/friends/${friend}/hide`).expect(200);
    await t.http().delete(`/v1/users/${reporter}/friends/${friend}`).expect(200);
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    await platform.awaitStatus(res.body.reportId, 'awaiting_review');
    const friends = await t.http().get(`/v1/users/${reporter}/friends`).expect(200);
    expect(friends.body).toEqual([]);
  });

  test('R4: after blocking the friend, the same message can be reported', async () => {
    const { reporter, friend, messageId } = await friendsWithMessage();
    await platform.fileReport(reporter, 'chat_message', messageId).expect(409);
    await platform.block(reporter, friend);
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    expect(res.body).toMatchObject({ workflowId: `report-${res.body.reportId}` });
  });

  test("R4 applies to 1:1 messages only: a friend's Open Chat post can be reported", async () => {
    const reporter = await platform.user('rep');
    const friend = await platform.user('friend');
    await platform.befriend(reporter, friend);
    const postId = await platform.post(friend, 'buy followers here');
    await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
  });
});

/** A reporter, a stranger and the stranger's message in their 1:1 chat. */
async function strangersMessage() {
  const reporter = await platform.user('rep');
  const stranger = await platform.user('stranger');
  const chatId = await platform.chat(reporter, stranger);
  return { reporter, stranger, chatId, messageId: await platform.message(chatId, stranger, 'pay up or else') };
}

describe('filing with Prefer: wait (no polling for the review)', () => {
  test('R6: answers once the workflow has stored the evidence, deleted the room and opened the review', async () => {
    const { reporter, chatId, messageId } = await strangersMessage();
    const res = await platform.fileReportWaiting(10, reporter, 'chat_message', messageId).expect(202);
    expect(res.body.status).toBe('awaiting_review');
    expect(res.headers['preference-applied']).toBe('wait=10');
    // Already true when the answer came, with no polling: the database agrees.
    const report = await platform.report(res.body.reportId);
    expect(report.status).toBe('awaiting_review');
    expect(report.evidence?.itemCount).toBeGreaterThan(0);
    await t.http().get(`/v1/chats/${chatId}`).query({ userId: reporter }).expect(404);
    const history = await t.temporal.workflow.getHandle(res.body.workflowId).fetchHistory();
    const events = history.events!;
    const answeredAt = events.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    expect(events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes)).toHaveLength(1);
    // Sent with the start (update-with-start) and answered by the workflow task that saw the review
    // open, no task of its own: one task completes between openReview's completion and the answer.
    const reviewScheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'openReview')!;
    const reviewOpenedAt = events.findIndex((e) => String(e.activityTaskCompletedEventAttributes?.scheduledEventId) === String(reviewScheduled.eventId));
    expect(reviewOpenedAt).toBeGreaterThan(0);
    expect(events.slice(reviewOpenedAt, answeredAt).filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
  });

  test('without the header the answer is at once, still received', async () => {
    const { reporter, messageId } = await strangersMessage();
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    expect(res.body.status).toBe('received');
    expect(res.headers['preference-applied']).toBeUndefined();
  });

  test('a repeated filing of a report already past received answers its status without asking the workflow', async () => {
    const { reporter, messageId } = await strangersMessage();
    const first = await platform.fileReport(reporter, 'chat_message', messageId, ['abusive_hateful'], 'wait-key').expect(202);
    await platform.awaitStatus(first.body.reportId, 'awaiting_review');
    const again = await platform.fileReportWaiting(10, reporter, 'chat_message', messageId, { key: 'wait-key' }).expect(202);
    expect(again.body).toMatchObject({ reportId: first.body.reportId, status: 'awaiting_review' });
    const history = await t.temporal.workflow.getHandle(first.body.workflowId).fetchHistory();
    expect(history.events!.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
  });
});

describe('the same filing repeated without a key, within the duplicate window', () => {
  test('R6: answers the first report even after the evidence step deleted the chat room, and stores nothing more', async () => {
    const { reporter, chatId, messageId } = await strangersMessage();
    const first = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    await platform.awaitStatus(first.body.reportId, 'awaiting_review');
    // The room is gone for the reporter: the message no longer resolves for them.
    await t.http().get(`/v1/chats/${chatId}`).query({ userId: reporter }).expect(404);
    const again = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    expect(again.body).toMatchObject({ reportId: first.body.reportId, status: 'awaiting_review' });
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(1);
  });
});

describe('idempotent filing', () => {
  test('a repeated Idempotency-Key returns the same report and starts one workflow', async () => {
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const postId = await platform.post(author, 'spam spam');
    const first = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising'], 'key-1').expect(202);
    const again = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising'], 'key-1').expect(202);
    expect(again.body.reportId).toBe(first.body.reportId);
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(1);
  });

  test('the same key with a different report is 409 IDEMPOTENCY_KEY_REUSED', async () => {
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const postId = await platform.post(author, 'spam spam');
    await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising'], 'key-2').expect(202);
    const res = await platform.fileReport(reporter, 'open_chat_post', postId, ['fraud_scam'], 'key-2').expect(409);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});
