import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { createActivities } from '../../activities';
import { ChatsService } from '../../src/chats/chats.service';
import { derivedId } from '../../src/common/ids';
import { ReportStore } from '../../src/reports/report-store.service';
import { UsersService } from '../../src/users/users.service';
import { BlocksService } from '../../src/users/blocks.service';
import { activityDepsFrom } from '../../src/worker/create-worker';
import { startWorkerContext } from '../support/worker-context';
import { blockEventTypes } from '../support/block-log';

const MAX_MESSAGES = 50;

let ctx: Awaited<ReturnType<typeof startWorkerContext>>;
let app: INestApplicationContext;
let mongo: Connection;
let acts: ReturnType<typeof createActivities>;
let counter = 0;

beforeAll(async () => {
  ctx = await startWorkerContext('activities', { EVIDENCE_MAX_MESSAGES: String(MAX_MESSAGES) });
  ({ app, mongo } = ctx);
  acts = createActivities(activityDepsFrom(app));
});

afterAll(async () => {
  await ctx?.close();
});

/** A stored 1:1 chat report between two new users, as the API would have filed it; by default on the last message. */
async function fileChatReport(messageCount = 3, reasons = ['illegal_content'], reportedIndex = messageCount - 1) {
  const n = ++counter;
  const [reporter, reported] = [`rep${n}`, `bad${n}`];
  const users = app.get(UsersService);
  await users.create({ userId: reporter, displayName: 'Reporter' });
  await users.create({ userId: reported, displayName: 'Reported' });
  const chats = app.get(ChatsService);
  const { chatId } = await chats.create({ memberIds: [reporter, reported] });
  let messageId = '';
  for (let i = 0; i < messageCount; i++) {
    const posted = await chats.postMessage(chatId, { senderId: reported, text: `message ${i}` });
    if (i === reportedIndex) messageId = posted.messageId;
  }
  const reportId = derivedId('rpt', String(n));
  await app.get(ReportStore).insert({
    _id: reportId,
    reporterId: reporter,
    reportedUserId: reported,
    target: { kind: 'chat_message', id: messageId },
    chatId,
    reasons,
    policyCategories: ['illegal_activity'],
    status: 'received',
    workflowId: `report-${reportId}`,
  });
  return { reportId, reporter, reported, chatId, ref: { reportId } };
}

const count = (collection: string, filter: object) => mongo.collection(collection).countDocuments(filter);

describe('every activity is safe to run twice', () => {
  test('R6: storeEvidence twice (and concurrently) stores one evidence set with one copy of each item', async () => {
    const { ref, reportId } = await fileChatReport(5);
    const [a, b] = await Promise.all([acts.storeEvidence(ref), acts.storeEvidence(ref)]);
    const c = await acts.storeEvidence(ref);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.itemCount).toBe(5);
    expect(await count('evidence_items', { reportId })).toBe(5);
    expect(await count('evidence_sets', { _id: reportId })).toBe(1);
  });

  test('R6: a long conversation is capped at the configured maximum, and the receipt stays the same size', async () => {
    const small = await fileChatReport(2);
    const large = await fileChatReport(MAX_MESSAGES + 30);
    const smallReceipt = await acts.storeEvidence(small.ref);
    const largeReceipt = await acts.storeEvidence(large.ref);
    expect(largeReceipt.itemCount).toBe(MAX_MESSAGES);
    // What goes into workflow history: ids and a digest, whatever the conversation's length.
    expect(Object.keys(largeReceipt).sort()).toEqual(['evidenceSetId', 'itemCount', 'rootDigest', 'scheme']);
    expect(Math.abs(JSON.stringify(largeReceipt).length - JSON.stringify(smallReceipt).length)).toBeLessThanOrEqual(3);
    const set = await mongo.collection('evidence_sets').findOne({ _id: large.reportId as never });
    expect(set?.truncated).toBe(true);
    const last = await mongo.collection('evidence_items').findOne({ reportId: large.reportId, seq: MAX_MESSAGES - 1 });
    expect(last?.text).toBe(`message ${MAX_MESSAGES + 29}`);
  });

  test('R6: a reported message older than the capped window is still kept as evidence, next to the latest messages', async () => {
    const { ref, reportId } = await fileChatReport(MAX_MESSAGES + 30, ['illegal_content'], 0);
    const receipt = await acts.storeEvidence(ref);
    expect(receipt.itemCount).toBe(MAX_MESSAGES);
    const texts = (await mongo.collection('evidence_items').find({ reportId }).sort({ seq: 1 }).toArray()).map((item) => item.text);
    expect(texts).toContain('message 0');
    expect(texts).toContain(`message ${MAX_MESSAGES + 29}`);
  });

  test('R6: deleteChatRoom twice deletes the room for the reporter once and never for the other member', async () => {
    const { ref, chatId, reporter } = await fileChatReport();
    await acts.deleteChatRoom(ref);
    await acts.deleteChatRoom(ref);
    const deletions = await mongo.collection('chat_deletions').find({ chatId }).toArray();
    expect(deletions.map((d) => d.userId)).toEqual([reporter]);
  });

  test('R7: blockReportedUser twice blocks once and answers the same', async () => {
    const { ref, reporter, reported } = await fileChatReport();
    const outcomes = [await acts.blockReportedUser(ref), await acts.blockReportedUser(ref)];
    expect(outcomes).toEqual(['applied', 'applied']);
    expect(await blockEventTypes(mongo, reporter, reported)).toEqual(['auto_blocked']);
    expect(await app.get(BlocksService).isBlocked(reporter, reported)).toBe(true);
  });

  test('R7: blockReportedUser run concurrently still records one block event', async () => {
    const { ref, reporter, reported } = await fileChatReport();
    const outcomes = await Promise.allSettled([acts.blockReportedUser(ref), acts.blockReportedUser(ref), acts.blockReportedUser(ref)]);
    // A loser of the race may ask to be retried (Temporal would); what matters is the stored result.
    expect(outcomes.some((o) => o.status === 'fulfilled' && o.value === 'applied')).toBe(true);
    expect(await acts.blockReportedUser(ref)).toBe('applied');
    expect(await blockEventTypes(mongo, reporter, reported)).toEqual(['auto_blocked']);
  });

  test("R7: blockReportedUser after the reporter's own block records it as already in place, once, however often it runs", async () => {
    const { ref, reporter, reported } = await fileChatReport();
    await app.get(BlocksService).block(reporter, reported);
    const concurrent = await Promise.allSettled([acts.blockReportedUser(ref), acts.blockReportedUser(ref)]);
    expect(concurrent.filter((o) => o.status === 'fulfilled').map((o) => o.value)).toContain('already_in_place');
    expect(await acts.blockReportedUser(ref)).toBe('already_in_place');
    expect(await blockEventTypes(mongo, reporter, reported)).toEqual(['blocked', 'auto_block_already_in_place']);
  });

  test('R10: recordDecision twice keeps the first decision and its policy', async () => {
    const { ref, reportId } = await fileChatReport();
    await acts.recordDecision({ ...ref, decision: { outcome: 'approved', moderatorId: 'mod-1' } });
    await acts.recordDecision({ ...ref, decision: { outcome: 'rejected', moderatorId: 'mod-2' } });
    const report = await app.get(ReportStore).find(reportId);
    expect(report).toMatchObject({ status: 'approved', decision: { moderatorId: 'mod-1', policy: 'illegal_activity' } });
  });

  test('R9: notifyCustomerService, escalateOverdueReview and expireReport twice each open one ticket', async () => {
    const { ref, reportId } = await fileChatReport();
    for (const run of [acts.escalateOverdueReview, acts.expireReport, acts.notifyCustomerService]) {
      expect(await run(ref)).toBe(await run(ref));
    }
    const kinds = (await mongo.collection('cs_tickets').find({ reportId }).toArray()).map((t) => t.kind).sort();
    expect(kinds).toEqual(['report_decided', 'report_expired', 'review_overdue']);
  });

  test('DSA Art. 16: openReview and notifyCustomerService twice store one receipt, one outcome and one CS follow-up (illegal_content)', async () => {
    const { ref, reportId, reporter } = await fileChatReport(3, ['illegal_content']);
    await acts.openReview(ref);
    await acts.openReview(ref);
    await acts.recordDecision({ ...ref, decision: { outcome: 'approved', moderatorId: 'mod-1' } });
    expect(await acts.notifyCustomerService(ref)).toBe(await acts.notifyCustomerService(ref));
    const kinds = (await mongo.collection('user_notices').find({ userId: reporter, reportId }).toArray()).map((n) => n.kind).sort();
    expect(kinds).toEqual(['cs_follow_up', 'report_outcome', 'report_received']);
    expect(await count('cs_tickets', { reportId, priority: 'high', escalation: 'illegal_content' })).toBe(1);
  });

  test('R3: recordFalseReport twice gives one strike and one warning', async () => {
    const { ref, reportId, reporter } = await fileChatReport();
    await acts.recordDecision({ ...ref, decision: { outcome: 'rejected', moderatorId: 'mod-1', falseReport: true } });
    expect(await acts.recordFalseReport(ref)).toBe(await acts.recordFalseReport(ref));
    expect(await count('false_report_strikes', { reporterId: reporter })).toBe(1);
    expect(await count('user_notices', { userId: reporter, reportId })).toBe(1);
  });

  test('openReview twice opens the review once', async () => {
    const { ref, reportId } = await fileChatReport();
    await acts.openReview(ref);
    const first = (await app.get(ReportStore).find(reportId))?.reviewOpenedAt;
    await acts.openReview(ref);
    expect((await app.get(ReportStore).find(reportId))?.reviewOpenedAt).toEqual(first);
  });

  test('a report that does not exist fails for good (non-retryable)', async () => {
    await expect(acts.storeEvidence({ reportId: 'rpt_missing' })).rejects.toMatchObject({ type: 'ReportNotFound', nonRetryable: true });
  });

  test('openReview twice (and concurrently) opens one case for the target and answers the case decision, the same each time', async () => {
    const { ref, reportId } = await fileChatReport();
    const report = (await app.get(ReportStore).find(reportId))!;
    const caseId = `case-chat_message-${report.target.id}`;
    expect(await Promise.all([acts.openReview(ref), acts.openReview(ref)])).toEqual([null, null]);
    await acts.openReview(ref);
    expect(await count('moderation_cases', { _id: caseId })).toBe(1);
    const decideCase = async (seq: number, at: Date) =>
      mongo.collection('case_events').insertOne({
        _id: `${caseId}:00000${seq}`,
        caseId,
        seq,
        type: seq === 1 ? 'reopen' : 'decision',
        moderatorId: 'mod-1',
        at,
        ...(seq === 1 ? {} : { decision: { outcome: 'rejected', note: 'fine', falseReport: true } }),
      } as never);
    // Decided after the report was filed: the report was among those decided, mark and all.
    await decideCase(0, new Date());
    const twice = [await acts.openReview(ref), await acts.openReview(ref)];
    const whole = { outcome: 'rejected', moderatorId: 'mod-1', note: 'fine', caseDecisionId: `${caseId}:000000`, falseReport: true };
    expect(twice).toEqual([whole, whole]);
    // R3: decided (again) before the report was filed: no strike for a reporter nobody judged.
    await decideCase(1, new Date());
    await decideCase(2, new Date(report.createdAt.getTime() - 1_000));
    expect(await acts.openReview(ref)).toEqual({ outcome: 'rejected', moderatorId: 'mod-1', note: 'fine', caseDecisionId: `${caseId}:000002` });
    expect(await acts.openReportsOfCase({ caseId })).toEqual([reportId]);
  });
});
