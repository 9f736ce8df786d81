import { noticeDeliveryWorkflowId } from '../../workflows/notice-delivery.definitions';
import { activityTypesOf, hasCompleted } from '../support/history';
import { NoticesService } from '../../src/notices/notices.service';
import { NoticeReceiver } from '../support/notice-receiver';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

const SECRET = 'notice-webhook-secret-for-tests';
const FAIL_FIRST = 2;

let t: TestApp;
let platform: Platform;
let receiver: NoticeReceiver;

beforeAll(async () => {
  receiver = new NoticeReceiver(SECRET, FAIL_FIRST);
  const url = await receiver.start();
  t = await startTestApp('notices', {
    NOTICE_WEBHOOK_URL: url,
    NOTICE_WEBHOOK_SECRET: SECRET,
    NOTICE_DELIVERY_MAX_ATTEMPTS: '4',
    NOTICE_DELIVERY_BACKOFF: '200ms',
    NOTICE_DELIVERY_MAX_BACKOFF: '1s',
  });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
  await receiver?.stop();
});

interface NoticeBody {
  noticeId: string;
  kind: string;
  userId: string;
  text: string;
  reportId?: string;
  details?: Record<string, unknown>;
}

async function noticesOf(userId: string): Promise<NoticeBody[]> {
  return (await t.http().get(`/v1/users/${userId}/notices`).expect(200)).body;
}

/** A post by a new author, reported by a new reporter; waits until the report awaits review. */
async function postReport(reasons: string[]) {
  const reporter = await platform.user('rep');
  const author = await platform.user('author');
  const postId = await platform.post(author, 'buy cheap followers at example.test');
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, reasons).expect(202);
  const reportId = filed.body.reportId as string;
  await platform.awaitStatus(reportId, 'awaiting_review');
  return { reporter, author, postId, reportId };
}

async function decide(reportId: string, outcome: 'approve' | 'reject', body: Record<string, unknown> = {}) {
  await t.http().post(`/v1/reports/${reportId}/${outcome}`).send(body).expect(200);
  await platform.awaitStep(reportId, 'cs_notified');
}

describe('notices to the reporter (DSA Art. 16)', () => {
  test('DSA Art. 16(4), 16(5): a receipt when the report is admitted and the outcome after the decision, naming only the target (R2)', async () => {
    const { reporter, author, postId, reportId } = await postReport(['spam_advertising']);
    const receipt = (await noticesOf(reporter)).find((n) => n.kind === 'report_received');
    expect(receipt).toMatchObject({ noticeId: `report_received-${reportId}`, reportId, details: { target: { kind: 'open_chat_post', id: postId } } });

    await decide(reportId, 'approve');
    const notices = await noticesOf(reporter);
    expect(notices.map((n) => n.kind).sort()).toEqual(['report_outcome', 'report_received']);
    expect(notices.find((n) => n.kind === 'report_outcome')).toMatchObject({
      noticeId: `report_outcome-${reportId}`,
      details: { outcome: 'approved', policy: 'spam', target: { kind: 'open_chat_post', id: postId } },
    });
    expect(JSON.stringify(notices)).not.toContain(author);
    // The reported person gets only notices meant for them (the sanction's statement), never naming the reporter (R2).
    const theirs = await noticesOf(author);
    expect(theirs.every((n) => (n as NoticeBody & { audience: string }).audience === 'reported')).toBe(true);
    expect(JSON.stringify(theirs)).not.toContain(reporter);
    // The receipt goes out from openReview, the outcome from notifyCustomerService: no notice
    // activity of their own in the report's history (each delivery is a workflow of its own).
    const history = await eventually(() => t.temporal.workflow.getHandle(`report-${reportId}`).fetchHistory(), hasCompleted);
    expect(activityTypesOf(history)).toEqual(expect.arrayContaining(['storeEvidence', 'openReview', 'recordDecision', 'notifyCustomerService']));
    expect(activityTypesOf(history).filter((type) => /notice|deliver/i.test(type))).toEqual([]);
  });

  test('R4: a report refused by the friend check is answered at filing with the reason (409); nothing is stored, so no notice follows', async () => {
    const reporter = await platform.user('rep');
    const friend = await platform.user('friend');
    await platform.befriend(reporter, friend);
    const chatId = await platform.chat(reporter, friend);
    const messageId = await platform.message(chatId, friend, 'see you tomorrow');
    const refused = await platform.fileReport(reporter, 'chat_message', messageId, ['abusive_hateful']).expect(409);
    // The response is the statement of reasons; the friend is not named in it (R2).
    expect(refused.body).toMatchObject({ code: 'FRIEND_MESSAGE_NOT_REPORTABLE', message: expect.stringMatching(/block/i) });
    expect(JSON.stringify(refused.body)).not.toContain(friend);
    // Refused at filing: there is no report to notify about.
    expect(await noticesOf(reporter)).toEqual([]);
  });
});

describe('R9: escalation to customer service', () => {
  test('R9: illegal_content opens a high-priority ticket and tells the reporter how CS follows up, even after a rejection', async () => {
    const { reporter, author, reportId } = await postReport(['illegal_content']);
    await decide(reportId, 'reject');
    const { items } = (await t.http().get('/v1/cs/tickets').query({ reportId }).expect(200)).body;
    expect(items).toEqual([
      expect.objectContaining({ ticketId: `report_decided-${reportId}`, priority: 'high', escalation: 'illegal_content', status: 'open' }),
    ]);
    const ticket = (await t.http().get(`/v1/cs/tickets/${items[0].ticketId}`).expect(200)).body;
    expect(ticket).toMatchObject({ kind: 'report_decided', reportId, reporterId: reporter, reportedUserId: author, decision: { outcome: 'rejected' } });
    expect(ticket).not.toHaveProperty('_id');

    const followUp = (await noticesOf(reporter)).find((n) => n.kind === 'cs_follow_up');
    expect(followUp).toMatchObject({ details: { ticketId: ticket.ticketId, priority: 'high', escalation: 'illegal_content' } });
    expect(followUp!.text).toContain(ticket.ticketId);
    expect(followUp!.text).not.toContain(author);
  });

  test('R9: a moderator can escalate any decision (escalate: true); without it a spam report stays normal and silent', async () => {
    const escalated = await postReport(['spam_advertising']);
    await decide(escalated.reportId, 'approve', { escalate: true });
    expect((await platform.report(escalated.reportId)).decision).toMatchObject({ escalate: true });
    const [ticket] = (await t.http().get('/v1/cs/tickets').query({ reportId: escalated.reportId }).expect(200)).body.items;
    expect(ticket).toMatchObject({ priority: 'high', escalation: 'moderator', decision: { escalate: true } });
    expect((await noticesOf(escalated.reporter)).map((n) => n.kind)).toContain('cs_follow_up');

    const plain = await postReport(['spam_advertising']);
    await decide(plain.reportId, 'approve');
    const [normal] = (await t.http().get('/v1/cs/tickets').query({ reportId: plain.reportId }).expect(200)).body.items;
    expect(normal.priority).toBe('normal');
    expect(normal).not.toHaveProperty('escalation');
    expect((await noticesOf(plain.reporter)).map((n) => n.kind)).not.toContain('cs_follow_up');

    const bad = await t.http().post(`/v1/reports/${plain.reportId}/approve`).send({ escalate: 'yes' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('CS ticket work list', () => {
  test('R9: filters by status, priority and kind; pages high priority first, then oldest; bad input is a clear 400/404', async () => {
    const normal = await postReport(['spam_advertising']);
    const high = await postReport(['illegal_content']);
    await decide(normal.reportId, 'reject');
    await decide(high.reportId, 'approve');
    const ids = (query: Record<string, string>) =>
      t
        .http()
        .get('/v1/cs/tickets')
        .query(query)
        .expect(200)
        .then((res) => res.body.items.map((i: { ticketId: string }) => i.ticketId) as string[]);

    const highOnes = await ids({ priority: 'high', kind: 'report_decided', status: 'open' });
    expect(highOnes).toContain(`report_decided-${high.reportId}`);
    expect(highOnes).not.toContain(`report_decided-${normal.reportId}`);
    const normalOnes = await ids({ priority: 'normal' });
    expect(normalOnes).toContain(`report_decided-${normal.reportId}`);
    expect(normalOnes).not.toContain(`report_decided-${high.reportId}`);
    expect(await ids({ status: 'resolved' })).toEqual([]);
    expect(await ids({ kind: 'review_overdue' })).toEqual([]);

    const all = (await t.http().get('/v1/cs/tickets').query({ limit: 200 }).expect(200)).body.items as Array<{ ticketId: string; priority: string }>;
    const paged: Array<{ ticketId: string; priority: string }> = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ ticketId: string; priority: string }>; nextCursor: string | null } = (
        await t
          .http()
          .get('/v1/cs/tickets')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged.map((p) => p.ticketId)).toEqual(all.map((a) => a.ticketId));
    expect(new Set(paged.map((p) => p.ticketId)).size).toBe(paged.length);
    const firstNormal = paged.findIndex((p) => p.priority === 'normal');
    expect(paged.slice(firstNormal).every((p) => p.priority === 'normal')).toBe(true);

    expect((await t.http().get('/v1/cs/tickets').query({ priority: 'urgent' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().get('/v1/cs/tickets').query({ cursor: 'not-a-cursor' }).expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await t.http().get('/v1/cs/tickets/report_decided-rpt_nothing').expect(404)).body.code).toBe('TICKET_NOT_FOUND');
  });
});

describe('webhook delivery (at-least-once, signed)', () => {
  test('every notice reaches the receiver with a valid signature after its first 500s, and is kept once by id', async () => {
    const { reporter, reportId } = await postReport(['illegal_content']);
    await decide(reportId, 'approve');
    const stored = await noticesOf(reporter);
    expect(stored).toHaveLength(3);
    for (const notice of stored) {
      const received = await eventually(async () => receiver.notices.get(notice.noticeId), Boolean);
      expect(received!.body).toMatchObject({ noticeId: notice.noticeId, kind: notice.kind, userId: reporter, text: notice.text, reportId });
      // The receiver refused the first attempts; Temporal retried them.
      expect(receiver.requestsPerNotice.get(notice.noticeId)).toBeGreaterThan(FAIL_FIRST);
      const detail = await eventually(
        async () => (await t.http().get(`/v1/notices/${notice.noticeId}`).expect(200)).body,
        (d) => d.delivery.state === 'delivered',
      );
      expect(detail.delivery.attempts.map((a: { outcome: string; httpStatus: number }) => `${a.outcome}:${a.httpStatus}`)).toEqual([
        'failed:500',
        'failed:500',
        'delivered:204',
      ]);
    }
    expect(receiver.badSignatures).toBe(0);
  });

  test('recording a notice twice stores one document and runs one delivery workflow', async () => {
    const notices = t.app.get(NoticesService);
    const user = await platform.user('someone');
    const notice = { kind: 'report_received' as const, userId: user, audience: 'reporter' as const, subjectId: `twice-${user}`, text: 'hello' };
    const [first, second] = await Promise.all([notices.record(notice), notices.record({ ...notice, text: 'changed' })]);
    expect(first).toBe(second);
    await eventually(async () => receiver.notices.get(first), Boolean);
    expect(await t.mongo.collection('user_notices').countDocuments({ _id: first } as object)).toBe(1);
    const runs = t.temporal.workflow.list({ query: `WorkflowId = '${noticeDeliveryWorkflowId(first)}'` });
    let count = 0;
    for await (const _ of runs) count += 1;
    expect(count).toBe(1);
  });

  test('a receiver that never accepts gets the configured number of attempts, then the delivery is recorded as given up', async () => {
    const notices = t.app.get(NoticesService);
    const user = await platform.user('someone');
    const noticeId = await notices.record({
      kind: 'report_received',
      userId: user,
      audience: 'reporter',
      subjectId: `always-fail-${user}`,
      text: 'never lands',
    });
    const detail = await eventually(
      async () => (await t.http().get(`/v1/notices/${noticeId}`).expect(200)).body,
      (d) => d.delivery.state === 'undeliverable',
    );
    expect(detail.delivery.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'gave_up']);
    expect(receiver.notices.has(noticeId)).toBe(false);
    expect((await t.http().get('/v1/notices/report_received-none').expect(404)).body.code).toBe('NOTICE_NOT_FOUND');
  });

  test('R2: a notice that would name an identity it must not carry is refused before it is stored', async () => {
    const notices = t.app.get(NoticesService);
    const [reporter, reported] = [await platform.user('rep'), await platform.user('reported')];
    await expect(
      notices.record({
        kind: 'report_outcome',
        userId: reported,
        audience: 'reported',
        subjectId: `r2-${reported}`,
        text: `reported by ${reporter}`,
        neverMention: [reporter],
      }),
    ).rejects.toThrow(/disclose/);
    expect(await noticesOf(reported)).toEqual([]);
  });
});
