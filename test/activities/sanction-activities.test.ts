import type { INestApplicationContext } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { createActivities } from '../../activities';
import { derivedId } from '../../src/common/ids';
import { ReportStore } from '../../src/reports/report-store.service';
import { BlocksService } from '../../src/users/blocks.service';
import { UsersService } from '../../src/users/users.service';
import { activityDepsFrom } from '../../src/worker/create-worker';
import { startWorkerContext } from '../support/worker-context';
import { blockEventTypes } from '../support/block-log';

let ctx: Awaited<ReturnType<typeof startWorkerContext>>;
let app: INestApplicationContext;
let mongo: Connection;
let acts: ReturnType<typeof createActivities>;
// Starting the sanction workflow is Temporal's side (covered end to end); here only the calls are counted.
const started: string[] = [];
let counter = 0;

beforeAll(async () => {
  ctx = await startWorkerContext('sanction_activities');
  ({ app, mongo } = ctx);
  acts = createActivities({ ...activityDepsFrom(app), sanctionWorkflows: { start: async (sanction) => void started.push(sanction._id) } });
});

afterAll(async () => {
  await ctx?.close();
});

/** An approved report on a post, as the workflow would have left it before the sanction step. */
async function approvedPostReport(reasons = ['violent_threatening'], policy = 'violence_threats') {
  const n = ++counter;
  const [reporter, reported] = [`srep${n}`, `sbad${n}`];
  const users = app.get(UsersService);
  await users.create({ userId: reporter, displayName: 'Reporter' });
  await users.create({ userId: reported, displayName: 'Reported' });
  // The sanction step reads only the report: the post itself need not exist here.
  const postId = `post-s${n}`;
  const reportId = derivedId('rpt', 'sanction', String(n));
  const store = app.get(ReportStore);
  await store.insert({
    _id: reportId,
    reporterId: reporter,
    reportedUserId: reported,
    target: { kind: 'open_chat_post', id: postId },
    reasons,
    policyCategories: [policy],
    status: 'received',
    workflowId: `report-${reportId}`,
  });
  await acts.recordDecision({ reportId, decision: { outcome: 'approved', moderatorId: 'mod-1' } });
  return { reportId, reporter, reported, ref: { reportId } };
}

const count = (collection: string, filter: object) => mongo.collection(collection).countDocuments(filter);

describe('sanction activities are safe to run twice', () => {
  test('R9: sanctionReportedAccount twice and concurrently issues one sanction and one statement, and answers the same', async () => {
    const { ref, reported } = await approvedPostReport();
    const answers = await Promise.all([acts.sanctionReportedAccount(ref), acts.sanctionReportedAccount(ref)]);
    answers.push(await acts.sanctionReportedAccount(ref));
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^restriction 30d \(snc_/);
    expect(await count('sanctions', { userId: reported })).toBe(1);
    expect(await count('user_notices', { userId: reported, kind: 'sanction_statement' })).toBe(1);
    const [sanction] = await mongo.collection('sanctions').find({ userId: reported }).toArray();
    // Each run (re)starts the same workflow id; Temporal joins the running one.
    expect(started.filter((id) => id === (sanction._id as unknown as string))).toHaveLength(3);
  });

  test('R9: recordSanctionEnd and recordSanctionLift twice write one event and one notice each', async () => {
    const { ref, reported } = await approvedPostReport();
    await acts.sanctionReportedAccount(ref);
    const sanctionId = String((await mongo.collection('sanctions').findOne({ userId: reported }))?._id);
    for (let i = 0; i < 2; i++) {
      await acts.recordSanctionEnd({ sanctionId });
      await acts.recordSanctionLift({ sanctionId, staffId: `cs-${i}` });
    }
    expect(await count('sanction_events', { sanctionId })).toBe(2);
    expect((await mongo.collection('sanction_events').findOne({ sanctionId, kind: 'lifted' }))?.by).toBe('cs-0');
    expect(await count('user_notices', { userId: reported, 'details.sanctionId': sanctionId })).toBe(3);
  });

  test('R7: overturnSanction twice revokes the automatic block once and answers the same', async () => {
    const { ref, reportId, reporter, reported } = await approvedPostReport();
    await acts.blockReportedUser(ref);
    await acts.sanctionReportedAccount(ref);
    const sanctionId = String((await mongo.collection('sanctions').findOne({ userId: reported }))?._id);
    const first = await acts.overturnSanction({ sanctionId, appealId: 'apl_x', moderatorId: 'mod-2' });
    const second = await acts.overturnSanction({ sanctionId, appealId: 'apl_x', moderatorId: 'mod-2' });
    expect(first).toEqual({ [reportId]: 'revoked' });
    expect(second).toEqual(first);
    expect(await app.get(BlocksService).isBlocked(reporter, reported)).toBe(false);
    expect(await blockEventTypes(mongo, reporter, reported)).toEqual(['auto_blocked', 'auto_block_revoked']);
    expect(await count('sanction_events', { sanctionId, kind: 'overturned' })).toBe(1);
  });

  test('R7: a block the reporter set again after unblocking is kept when the sanction is overturned', async () => {
    const { ref, reporter, reported, reportId } = await approvedPostReport();
    await acts.blockReportedUser(ref);
    await acts.sanctionReportedAccount(ref);
    const blocks = app.get(BlocksService);
    await blocks.unblock(reporter, reported);
    await blocks.block(reporter, reported);
    const sanctionId = String((await mongo.collection('sanctions').findOne({ userId: reported }))?._id);
    expect(await acts.overturnSanction({ sanctionId, appealId: 'apl_y', moderatorId: 'mod-2' })).toEqual({ [reportId]: 'kept_blocked_again_since' });
    expect(await blocks.isBlocked(reporter, reported)).toBe(true);
  });

  test('R10: takeDownReportedContent twice and concurrently writes one removal; restoreContentOnAppeal twice writes one restoration', async () => {
    const { ref, reported } = await approvedPostReport();
    await acts.sanctionReportedAccount(ref);
    const answers = await Promise.all([acts.takeDownReportedContent(ref), acts.takeDownReportedContent(ref)]);
    answers.push(await acts.takeDownReportedContent(ref));
    expect(answers).toEqual(['removed', 'removed', 'removed']);
    const sanctionId = String((await mongo.collection('sanctions').findOne({ userId: reported }))?._id);
    const restore = { sanctionId, appealId: 'apl_r' };
    expect([await acts.restoreContentOnAppeal(restore), await acts.restoreContentOnAppeal(restore)]).toEqual(['restored', 'restored']);
    const types = async () =>
      (await mongo.collection('content_moderation_events').find({ sanctionId: sanctionId }).sort({ seq: 1 }).toArray()).map((e) => e.type);
    expect(await types()).toEqual(['removed', 'restored']);
    // A retry of the take-down that lands after the appeal answers the same and does not take the content down again.
    expect(await acts.takeDownReportedContent(ref)).toBe('removed');
    expect(await types()).toEqual(['removed', 'restored']);
  });

  test('R10: an appeal upheld before the take-down step ran is recorded, and the take-down then writes nothing', async () => {
    const { ref, reported } = await approvedPostReport();
    await acts.sanctionReportedAccount(ref);
    const sanctionId = String((await mongo.collection('sanctions').findOne({ userId: reported }))?._id);
    expect(await acts.restoreContentOnAppeal({ sanctionId, appealId: 'apl_n' })).toBe('not_removed');
    expect(await acts.takeDownReportedContent(ref)).toBe('overturned_on_appeal');
    const events = await mongo.collection('content_moderation_events').find({ sanctionId }).toArray();
    expect(events.map((e) => e.type)).toEqual(['restored']);
    expect(await acts.restoreContentOnAppeal({ sanctionId: 'snc_missing', appealId: 'apl_n' })).toBe('not_a_takedown_sanction');
  });

  test('a sanction that does not exist fails for good (non-retryable)', async () => {
    await expect(acts.recordSanctionEnd({ sanctionId: 'snc_missing' })).rejects.toMatchObject({ type: 'SanctionNotFound', nonRetryable: true });
  });
});
