import { activityTypesOf, decryptedHistory, historyPayloadText } from '../support/history';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';
import { blockEventTypes } from '../support/block-log';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('lifecycle');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

describe('R6: evidence before deletion', () => {
  test('R6: a 1:1 message report stores the conversation with digests, then deletes the room for the reporter only', async () => {
    const { reporter, reported, chatId, reportId, report } = await platform.chatReport();
    const evidence = (await t.http().get(`/v1/reports/${reportId}/evidence`).expect(200)).body;
    expect(evidence).toMatchObject({ itemCount: 2, intact: true, truncated: false });
    expect(evidence.items.map((i: { text: string }) => i.text)).toEqual(['why are you angry?', 'I know where you live']);
    expect(evidence.items.map((i: { authorId: string }) => i.authorId)).toEqual([reporter, reported]);
    expect(evidence.items.every((i: { digest: string; digestValid: boolean }) => /^[0-9a-f]{64}$/.test(i.digest) && i.digestValid)).toBe(true);
    expect(report.evidence.rootDigest).toBe(evidence.rootDigest);

    const gone = await t.http().get(`/v1/chats/${chatId}`).query({ userId: reporter }).expect(404);
    expect(gone.body.code).toBe('CHAT_NOT_FOUND');
    const otherView = await t.http().get(`/v1/chats/${chatId}`).query({ userId: reported }).expect(200);
    expect(otherView.body.messages).toHaveLength(2);
  });

  test('R6: a stored evidence item that is altered shows as not intact', async () => {
    const { reportId } = await platform.chatReport();
    await t.mongo.collection('evidence_items').updateOne({ reportId, seq: 1 }, { $set: { text: 'I love you' } });
    const evidence = (await t.http().get(`/v1/reports/${reportId}/evidence`).expect(200)).body;
    expect(evidence.intact).toBe(false);
    expect(evidence.items.map((i: { digestValid: boolean }) => i.digestValid)).toEqual([true, false]);
  });

  test('R6: an Open Chat comment report captures the comment and its post', async () => {
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const postId = await platform.post(reporter, 'my hiking photos');
    const commentId = await platform.comment(postId, author, 'here is her home address: ...');
    const res = await platform.fileReport(reporter, 'open_chat_comment', commentId, ['personal_information']).expect(202);
    await platform.awaitStatus(res.body.reportId, 'awaiting_review');
    const evidence = (await t.http().get(`/v1/reports/${res.body.reportId}/evidence`).expect(200)).body;
    expect(evidence.items.map((i: { sourceKind: string }) => i.sourceKind)).toEqual(['open_chat_post', 'open_chat_comment']);
  });

  test('R6: the workflow history carries ids and digests, never the reported content', async () => {
    const { report } = await platform.chatReport();
    // The capture's result reaches the history when its activity completes, just after its write.
    const handle = t.temporal.workflow.getHandle(report.workflowId);
    const history = await eventually(
      async () => decryptedHistory(await handle.fetchHistory()),
      (h) => activityTypesOf(h).includes('storeEvidence'),
    );
    const payloads = historyPayloadText(history);
    expect(payloads).toContain(report.evidence.rootDigest);
    expect(payloads).not.toContain('I know where you live');
  });
});

describe('moderator decisions', () => {
  test('R7, R9, R10: approval blocks the reported person once and opens a CS ticket with decision, policy and evidence', async () => {
    const { reporter, reported, reportId, report } = await platform.chatReport(['violent_threatening', 'abusive_hateful']);
    const res = await t.http().post(`/v1/reports/${reportId}/approve`).send({ note: 'clear threat' }).expect(200);
    expect(res.body).toEqual({ reportId, status: 'approved' });
    const done = await platform.awaitStep(reportId, 'auto_block');
    await platform.awaitStep(reportId, 'cs_notified');
    expect(done.decision).toMatchObject({ outcome: 'approved', moderatorId: 'mod-1', policy: 'violence_threats' });
    expect(done.autoBlock).toBe('applied');

    const blocks = (await t.http().get(`/v1/users/${reporter}/blocks`).expect(200)).body;
    expect(blocks).toEqual([expect.objectContaining({ blockedUserId: reported, active: true })]);
    const tickets = (await t.http().get('/v1/cs/tickets').query({ reportId }).expect(200)).body.items;
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      kind: 'report_decided',
      priority: 'high',
      reportedUserId: reported,
      decision: { outcome: 'approved', policy: 'violence_threats' },
      evidence: { rootDigest: report.evidence.rootDigest },
    });
  });

  test('R10: the moderator may name the policy applied; an unknown policy is 400 UNKNOWN_POLICY', async () => {
    const { reportId } = await platform.chatReport(['other']);
    const bad = await t.http().post(`/v1/reports/${reportId}/approve`).send({ policy: 'vibes' }).expect(400);
    expect(bad.body.code).toBe('UNKNOWN_POLICY');
    await t.http().post(`/v1/reports/${reportId}/approve`).send({ policy: 'fraud' }).expect(200);
    expect((await platform.report(reportId)).decision.policy).toBe('fraud');
  });

  test('R7: when the reporter had already blocked the person, the record says so and no second block is made', async () => {
    const { reporter, reported, reportId } = await platform.chatReport();
    await platform.block(reporter, reported);
    await t.http().post(`/v1/reports/${reportId}/approve`).send({}).expect(200);
    const done = await platform.awaitStep(reportId, 'auto_block');
    expect(done.autoBlock).toBe('already_in_place');
    expect(await blockEventTypes(t.mongo, reporter, reported)).toEqual(['blocked', 'auto_block_already_in_place']);
  });

  test('R8: unblocking after an approved report is recorded and does not reopen the report', async () => {
    const { reporter, reported, reportId } = await platform.chatReport();
    await t.http().post(`/v1/reports/${reportId}/approve`).send({}).expect(200);
    await platform.awaitStep(reportId, 'auto_block');
    const unblocked = await t.http().delete(`/v1/users/${reporter}/blocks/${reported}`).expect(200);
    expect(unblocked.body.active).toBe(false);
    expect((await t.http().get(`/v1/users/${reporter}/blocks`).expect(200)).body).toEqual([]);
    expect((await platform.report(reportId)).status).toBe('approved');
    expect(await blockEventTypes(t.mongo, reporter, reported)).toEqual(['auto_blocked', 'unblocked']);
  });

  test('rejection records the decision, opens a CS ticket and blocks no one', async () => {
    const { reporter, reportId } = await platform.chatReport(['spam_advertising']);
    const res = await t.http().post(`/v1/reports/${reportId}/reject`).send({ falseReport: true }).expect(200);
    expect(res.body.status).toBe('rejected');
    await platform.awaitStep(reportId, 'cs_notified');
    expect((await platform.report(reportId)).decision).toMatchObject({ outcome: 'rejected', falseReport: true });
    expect((await t.http().get(`/v1/users/${reporter}/blocks`).expect(200)).body).toEqual([]);
  });

  test('a second decision is 409 REPORT_ALREADY_DECIDED; an unknown report is 404', async () => {
    const { reportId } = await platform.chatReport();
    await t.http().post(`/v1/reports/${reportId}/approve`).send({}).expect(200);
    const again = await t.http().post(`/v1/reports/${reportId}/reject`).send({}).expect(409);
    expect(again.body.code).toBe('REPORT_ALREADY_DECIDED');
    const missing = await t.http().post('/v1/reports/rpt_nope/approve').send({}).expect(404);
    expect(missing.body.code).toBe('REPORT_NOT_FOUND');
  });

  test('a decision signalled from the Temporal side (CLI / Web UI) is applied like one from the API', async () => {
    const { reportId, report } = await platform.chatReport();
    await t.temporal.workflow.getHandle(report.workflowId).signal('approve', { moderatorId: 'support-1' });
    const done = await platform.awaitStep(reportId, 'auto_block');
    expect(done).toMatchObject({ status: 'approved', decision: { moderatorId: 'support-1' } });
  });

  test('the moderation queue lists the cases of reports awaiting review, equal priority oldest first, in pages', async () => {
    const a = await platform.chatReport();
    const b = await platform.chatReport();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ reports: Array<{ reportId: string }> }>; nextCursor: string | null } } = await t
        .http()
        .get('/v1/moderation/queue')
        .query(cursor ? { limit: 1, cursor } : { limit: 1 })
        .expect(200);
      seen.push(...page.body.items.flatMap((i) => i.reports.map((r) => r.reportId)));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.indexOf(a.reportId)).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf(a.reportId)).toBeLessThan(seen.indexOf(b.reportId));
    await t.http().post(`/v1/reports/${a.reportId}/approve`).send({}).expect(200);
    const after = (await t.http().get('/v1/moderation/queue').query({ limit: 100 }).expect(200)).body;
    expect(after.items.flatMap((i: { reports: Array<{ reportId: string }> }) => i.reports.map((r) => r.reportId))).not.toContain(a.reportId);
  });
});

describe('R2: the reported person never learns who reported them', () => {
  test("R2: the reported person's chat view, block list and profile are unchanged by the report", async () => {
    const reporter = await platform.user('rep');
    const reported = await platform.user('reported');
    const chatId = await platform.chat(reporter, reported);
    const messageId = await platform.message(chatId, reported, 'threat');
    const viewBefore = (await t.http().get(`/v1/chats/${chatId}`).query({ userId: reported }).expect(200)).body;
    const res = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
    await platform.awaitStatus(res.body.reportId, 'awaiting_review');
    await t.http().post(`/v1/reports/${res.body.reportId}/approve`).send({}).expect(200);
    await platform.awaitStep(res.body.reportId, 'auto_block');

    const viewAfter = (await t.http().get(`/v1/chats/${chatId}`).query({ userId: reported }).expect(200)).body;
    expect(viewAfter).toEqual(viewBefore);
    const theirBlocks = (await t.http().get(`/v1/users/${reported}/blocks`).expect(200)).body;
    expect(JSON.stringify(theirBlocks)).not.toContain(reporter);
    const profile = (await t.http().get(`/v1/users/${reported}`).expect(200)).body;
    expect(JSON.stringify(profile)).not.toContain(reporter);
  });

  test('R2: search attributes in Temporal carry no user identity', async () => {
    const { reporter, reported, report } = await platform.chatReport();
    const description = await t.temporal.workflow.getHandle(report.workflowId).describe();
    const attributes = JSON.stringify(description.typedSearchAttributes);
    expect(attributes).toContain('ReportStatus');
    expect(attributes).not.toContain(reporter);
    expect(attributes).not.toContain(reported);
  });
});

describe('service surface', () => {
  test('GET /health reports both dependencies', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', temporal: 'up', mongo: 'up' });
  });

  test('the OpenAPI document lists the report routes', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/v1/reports', '/v1/reports/{reportId}/approve', '/v1/moderation/queue']));
  });

  test('an unknown route answers the common error shape', async () => {
    const res = await t.http().get('/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });
});
