import { Platform } from '../support/platform-fixtures';
import { tokenFor } from '../support/auth';
import { TestApp, eventually, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

/** The Authorization header of a moderator: the token's subject is who claims and decides. */
async function as(moderatorId: string): Promise<string> {
  return `Bearer ${await tokenFor('moderator', moderatorId)}`;
}

beforeAll(async () => {
  t = await startTestApp('cases');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** A post by a fresh author and `reasons.length` reports on it by fresh reporters, all awaiting review. */
async function reportedPost(reasons: string[][]) {
  const author = await platform.user('author');
  const postId = await platform.post(author, 'buy followers now, or else');
  const reporters: string[] = [];
  const reportIds: string[] = [];
  for (const r of reasons) {
    const reporter = await platform.user('rep');
    const filed = await platform.fileReport(reporter, 'open_chat_post', postId, r).expect(202);
    reporters.push(reporter);
    reportIds.push(filed.body.reportId);
  }
  await Promise.all(reportIds.map((id) => platform.awaitStatus(id, 'awaiting_review')));
  return { author, postId, reporters, reportIds, caseId: `case-open_chat_post-${postId}` };
}

async function queueItem(caseId: string, query: Record<string, string | number> = {}) {
  const body = (
    await t
      .http()
      .get('/v1/moderation/queue')
      .query({ limit: 100, ...query })
      .expect(200)
  ).body;
  return body.items.find((i: { caseId: string }) => i.caseId === caseId);
}

async function blockedBy(userId: string): Promise<string[]> {
  return (await t.http().get(`/v1/users/${userId}/blocks`).expect(200)).body.map((b: { blockedUserId: string }) => b.blockedUserId);
}

describe('cases: every report on one piece of content is one case', () => {
  test('three reporters on one post are one queue item with count 3 and the union of their reasons', async () => {
    const { caseId, reportIds } = await reportedPost([['spam_advertising'], ['abusive_hateful', 'spam_advertising'], ['violent_threatening']]);
    const item = await queueItem(caseId);
    expect(item).toMatchObject({
      caseId,
      reportCount: 3,
      reasons: ['violent_threatening', 'abusive_hateful', 'spam_advertising'],
      priority: { weight: 100, topReason: 'violent_threatening' },
      claim: null,
      sla: { state: 'due' },
    });
    expect(item.reports.map((r: { reportId: string }) => r.reportId).sort()).toEqual([...reportIds].sort());
    const queue = (await t.http().get('/v1/moderation/queue').query({ limit: 100 }).expect(200)).body;
    expect(queue.items.filter((i: { caseId: string }) => i.caseId === caseId)).toHaveLength(1);
    const view = (await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body;
    expect(view).toMatchObject({ caseId, state: 'open', openReportCount: 3, lastDecision: null, events: [] });
  });

  test('R7, R9: one approval of the case approves all three reports, each blocking for its own reporter and ticketing CS', async () => {
    const { caseId, reportIds, reporters, author } = await reportedPost([['spam_advertising'], ['spam_advertising'], ['other']]);
    const res = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/approve`)
      .set('Authorization', await as('mod-1'))
      .send({ policy: 'spam', note: 'bot farm' })
      .expect(202);
    expect(res.body).toMatchObject({ caseId, outcome: 'approved', openReports: 3, decisionId: `${caseId}:000000` });
    const decided = await Promise.all(reportIds.map((id) => platform.awaitStep(id, 'cs_notified')));
    for (const report of decided) {
      expect(report).toMatchObject({
        status: 'approved',
        autoBlock: 'applied',
        decision: { moderatorId: 'mod-1', policy: 'spam', note: 'bot farm', caseDecisionId: res.body.decisionId },
      });
    }
    for (const reporter of reporters) expect(await blockedBy(reporter)).toEqual([author]);
    for (const reportId of reportIds) {
      const tickets = (await t.http().get('/v1/cs/tickets').query({ reportId }).expect(200)).body.items;
      expect(tickets.map((tk: { kind: string }) => tk.kind)).toEqual(['report_decided']);
    }
    expect(await queueItem(caseId)).toBeUndefined();
    const run = await t.temporal.workflow.getHandle(res.body.workflowId).result();
    expect([...run.delivered].sort()).toEqual([...reportIds].sort());

    // The same moderator repeating the request (a retry) gets the same decision; anyone else 409.
    const again = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/approve`)
      .set('Authorization', await as('mod-1'))
      .send({ policy: 'spam' })
      .expect(202);
    expect(again.body.decisionId).toBe(res.body.decisionId);
    const other = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/reject`)
      .set('Authorization', await as('mod-2'))
      .send({})
      .expect(409);
    expect(other.body).toMatchObject({ code: 'CASE_ALREADY_DECIDED', details: { outcome: 'approved' } });
  });

  test('a report decided on its own before the case decision keeps its decision', async () => {
    const { caseId, reportIds } = await reportedPost([['spam_advertising'], ['spam_advertising']]);
    await t
      .http()
      .post(`/v1/reports/${reportIds[0]}/reject`)
      .set('Authorization', await as('mod-1'))
      .send({ note: 'fine on its own' })
      .expect(200);
    expect((await queueItem(caseId)).reportCount).toBe(1);
    const res = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/approve`)
      .set('Authorization', await as('mod-2'))
      .send({})
      .expect(202);
    expect(res.body.openReports).toBe(1);
    expect(await platform.awaitStep(reportIds[1], 'auto_block')).toMatchObject({ status: 'approved' });
    expect(await platform.report(reportIds[0])).toMatchObject({ status: 'rejected', decision: { moderatorId: 'mod-1' } });
  });

  test('R7: a report filed after the case was decided takes the decision at once; after a reopen it queues again', async () => {
    const { caseId, postId, author } = await reportedPost([['spam_advertising']]);
    const decision = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/approve`)
      .set('Authorization', await as('mod-1'))
      .send({})
      .expect(202);
    const late = await platform.user('rep');
    const filed = await platform.fileReport(late, 'open_chat_post', postId, ['spam_advertising']).expect(202);
    const report = await platform.awaitStep(filed.body.reportId, 'cs_notified');
    expect(report).toMatchObject({ status: 'approved', autoBlock: 'applied', decision: { moderatorId: 'mod-1', caseDecisionId: decision.body.decisionId } });
    expect(await blockedBy(late)).toEqual([author]);

    const reopened = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/reopen`)
      .set('Authorization', await as('mod-2'))
      .send({})
      .expect(200);
    expect(reopened.body).toMatchObject({ state: 'open', lastDecision: { outcome: 'approved' }, openReportCount: 0 });
    expect(reopened.body.events.map((e: { type: string }) => e.type)).toEqual(['decision', 'reopen']);
    const afterReopen = await platform.fileReport(await platform.user('rep'), 'open_chat_post', postId, ['other']).expect(202);
    await platform.awaitStatus(afterReopen.body.reportId, 'awaiting_review');
    expect(await queueItem(caseId)).toMatchObject({ reportCount: 1, reopened: true });
    await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/reopen`)
      .set('Authorization', await as('mod-2'))
      .send({})
      .expect(409);
  });

  test('R3: a case rejected as false is a strike against each of its reporters', async () => {
    const { caseId, reportIds, reporters } = await reportedPost([['obscene_sexual'], ['obscene_sexual']]);
    await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/reject`)
      .set('Authorization', await as('mod-1'))
      .send({ falseReport: true })
      .expect(202);
    await Promise.all(reportIds.map((id) => platform.awaitStep(id, 'false_report_strike')));
    for (const reporter of reporters) {
      expect((await t.http().get(`/v1/moderation/reporters/${reporter}`).expect(200)).body).toMatchObject({ rejected: 1, falseReports: 1 });
    }
  });

  test('a moderator who reported the content, or is its author, may not work its case', async () => {
    const { caseId, reporters, author } = await reportedPost([['other']]);
    for (const moderatorId of [reporters[0], author]) {
      const claim = await t
        .http()
        .post(`/v1/moderation/cases/${caseId}/claim`)
        .set('Authorization', await as(moderatorId))
        .send({})
        .expect(403);
      expect(claim.body.code).toBe('MODERATOR_CONFLICT_OF_INTEREST');
      await t
        .http()
        .post(`/v1/moderation/cases/${caseId}/approve`)
        .set('Authorization', await as(moderatorId))
        .send({})
        .expect(403);
    }
    expect(await t.mongo.collection('case_events').countDocuments({ caseId })).toBe(0);
  });

  test('bad and unknown case ids, a spoofed moderatorId, and a case with no open report cannot be decided', async () => {
    expect((await t.http().get('/v1/moderation/cases/rpt_123').expect(400)).body.code).toBe('INVALID_ID');
    expect(
      (
        await t
          .http()
          .post('/v1/moderation/cases/case-open_chat_post-nothing/claim')
          .set('Authorization', await as('mod-1'))
          .send({})
          .expect(404)
      ).body.code,
    ).toBe('CASE_NOT_FOUND');
    const { caseId, reportIds } = await reportedPost([['other']]);
    // The moderator is the token's subject: a moderatorId in the body is refused, not believed.
    await t.http().post(`/v1/moderation/cases/${caseId}/approve`).send({ moderatorId: 'someone-else' }).expect(400);
    await t
      .http()
      .post(`/v1/reports/${reportIds[0]}/approve`)
      .set('Authorization', await as('mod-1'))
      .send({})
      .expect(200);
    await eventually(
      () => queueItem(caseId),
      (item) => item === undefined,
    );
    const res = await t
      .http()
      .post(`/v1/moderation/cases/${caseId}/approve`)
      .set('Authorization', await as('mod-1'))
      .send({})
      .expect(409);
    expect(res.body.code).toBe('CASE_HAS_NO_OPEN_REPORTS');
    expect(await t.mongo.collection('case_events').countDocuments({ caseId })).toBe(0);
  });

  test('the OpenAPI document describes the queue and case routes', async () => {
    const spec = (await t.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/v1/moderation/queue',
        '/v1/moderation/cases/{caseId}',
        '/v1/moderation/cases/{caseId}/claim',
        '/v1/moderation/cases/{caseId}/approve',
      ]),
    );
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['CaseQueuePage', 'CaseQueueItem', 'CaseView', 'CaseDecisionAccepted']));
  });
});
