import { Platform } from '../support/platform-fixtures';
import { tokenFor } from '../support/auth';
import { TestApp, eventually, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

const MODERATORS = ['mod-a', 'mod-b', 'mod-c', 'mod-1', 'mod-2', 'mod-3', 'mod-4', 'mod-5', 'mod-6'];
const headers: Record<string, string> = {};

/** The Authorization header of a moderator: the token's subject is who claims and decides. */
function as(moderatorId: string): string {
  return headers[moderatorId];
}

// Short claims and a short review SLA, so expiry and overdue happen within a test.
const CLAIM_TTL_MS = 4_000;
const REVIEW_DEADLINE_MS = 1_000;

beforeAll(async () => {
  t = await startTestApp('case-queue', { CLAIM_TTL: `${CLAIM_TTL_MS}ms`, REVIEW_DEADLINE: `${REVIEW_DEADLINE_MS}ms` });
  platform = new Platform(t);
  for (const m of MODERATORS) headers[m] = `Bearer ${await tokenFor('moderator', m)}`;
});

afterAll(async () => {
  await t?.close();
});

/** Files one report on `kind` content and waits until it awaits review; returns its case id. */
async function reportedCase(kind: 'open_chat_post' | 'open_chat_comment' | 'chat_message', reasons: string[]): Promise<string> {
  const author = await platform.user('author');
  const reporter = await platform.user('rep');
  let targetId: string;
  if (kind === 'chat_message') {
    targetId = await platform.message(await platform.chat(reporter, author), author, 'hand it over');
  } else {
    const postId = await platform.post(author, 'a post');
    targetId = kind === 'open_chat_post' ? postId : await platform.comment(postId, author, 'a comment');
  }
  const filed = await platform.fileReport(reporter, kind, targetId, reasons).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
  return `case-${kind}-${targetId}`;
}

/** Case ids in the queue as `moderatorId` sees it (the default test token's subject unless named). */
async function queueIds(query: Record<string, string | number> = {}, moderatorId?: string): Promise<string[]> {
  const req = t
    .http()
    .get('/v1/moderation/queue')
    .query({ limit: 100, ...query });
  if (moderatorId) req.set('Authorization', as(moderatorId));
  const body = (await req.expect(200)).body;
  return body.items.map((i: { caseId: string }) => i.caseId);
}

const claim = (caseId: string, moderatorId: string) => t.http().post(`/v1/moderation/cases/${caseId}/claim`).set('Authorization', as(moderatorId)).send({});

describe('the moderation queue: priority, filters, pages, SLA', () => {
  test('cases come by reason weight before age, and filter by target kind and reason', async () => {
    const spam = await reportedCase('open_chat_post', ['spam_advertising']);
    const abuse = await reportedCase('open_chat_comment', ['abusive_hateful']);
    const illegal = await reportedCase('chat_message', ['illegal_content']);
    const mine = (ids: string[]) => ids.filter((id) => [spam, abuse, illegal].includes(id));
    expect(mine(await queueIds())).toEqual([illegal, abuse, spam]);
    expect(mine(await queueIds({ targetKind: 'open_chat_comment' }))).toEqual([abuse]);
    expect(mine(await queueIds({ reason: 'spam_advertising' }))).toEqual([spam]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ caseId: string }>; nextCursor: string | null } } = await t
        .http()
        .get('/v1/moderation/queue')
        .query(cursor ? { limit: 1, cursor } : { limit: 1 })
        .expect(200);
      paged.push(...page.body.items.map((i) => i.caseId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(paged).size).toBe(paged.length);
    expect(mine(paged)).toEqual([illegal, abuse, spam]);

    for (const [query, code] of [
      [{ targetKind: 'video' }, 'UNKNOWN_TARGET_KIND'],
      [{ reason: 'boring' }, 'UNKNOWN_REASON'],
      [{ cursor: 'garbage' }, 'INVALID_CURSOR'],
    ] as const) {
      expect((await t.http().get('/v1/moderation/queue').query(query).expect(400)).body.code).toBe(code);
    }
  });

  test('SLA: a case whose oldest report waited past REVIEW_DEADLINE is overdue', async () => {
    const caseId = await reportedCase('open_chat_post', ['other']);
    const item = await eventually(
      async () =>
        (await t.http().get('/v1/moderation/queue').query({ limit: 100 }).expect(200)).body.items.find((i: { caseId: string }) => i.caseId === caseId),
      (found) => found?.sla.state === 'overdue',
    );
    expect(new Date(item.sla.dueAt).getTime()).toBe(new Date(item.oldestReportAt).getTime() + REVIEW_DEADLINE_MS);
    expect((await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body.sla).toMatchObject({ state: 'overdue', dueAt: item.sla.dueAt });
  });
});

describe('claims', () => {
  test("a claimed case leaves other moderators' queues until the claim expires", async () => {
    const caseId = await reportedCase('open_chat_post', ['other']);
    const res = await claim(caseId, 'mod-a').expect(200);
    expect(res.body).toMatchObject({ caseId, claim: { moderatorId: 'mod-a' } });
    expect(await queueIds({}, 'mod-b')).not.toContain(caseId);
    expect(await queueIds({}, 'mod-c')).not.toContain(caseId);
    expect(await queueIds({}, 'mod-a')).toContain(caseId);
    const taken = await claim(caseId, 'mod-b').expect(409);
    expect(taken.body).toMatchObject({ code: 'CASE_ALREADY_CLAIMED', details: { claimedBy: 'mod-a', expiresAt: res.body.claim.expiresAt } });
    expect((await t.http().post(`/v1/moderation/cases/${caseId}/approve`).set('Authorization', as('mod-b')).send({}).expect(409)).body.code).toBe(
      'CASE_ALREADY_CLAIMED',
    );

    await eventually(
      () => queueIds({}, 'mod-b'),
      (ids) => ids.includes(caseId),
    );
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(res.body.claim.expiresAt).getTime());
    await claim(caseId, 'mod-b').expect(200);
  });

  test('only the claimer can unclaim; the case is offered to others again at once', async () => {
    const caseId = await reportedCase('open_chat_post', ['other']);
    await claim(caseId, 'mod-a').expect(200);
    expect((await t.http().post(`/v1/moderation/cases/${caseId}/unclaim`).set('Authorization', as('mod-b')).send({}).expect(409)).body.code).toBe(
      'CASE_NOT_CLAIMED',
    );
    expect((await t.http().post(`/v1/moderation/cases/${caseId}/unclaim`).set('Authorization', as('mod-a')).send({}).expect(200)).body).toEqual({
      caseId,
      claim: null,
    });
    expect(await queueIds({}, 'mod-b')).toContain(caseId);
  });

  test('moderators claiming one case at the same time: exactly one wins', async () => {
    const caseId = await reportedCase('open_chat_post', ['other']);
    const moderators = ['mod-1', 'mod-2', 'mod-3', 'mod-4', 'mod-5', 'mod-6'];
    const answers = await Promise.all(moderators.map((m) => claim(caseId, m)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = answers.find((a) => a.status === 200)!.body.claim.moderatorId;
    for (const lost of answers.filter((a) => a.status === 409))
      expect(lost.body).toMatchObject({ code: 'CASE_ALREADY_CLAIMED', details: { claimedBy: winner } });
    const view = (await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body;
    expect(view.events).toEqual([expect.objectContaining({ seq: 0, type: 'claim', moderatorId: winner })]);
    expect(view.claim.moderatorId).toBe(winner);
  });

  test('moderators deciding one case at the same time: one decision, delivered once', async () => {
    const caseId = await reportedCase('open_chat_post', ['other']);
    const answers = await Promise.all(
      ['mod-1', 'mod-2', 'mod-3'].map((m, i) =>
        t
          .http()
          .post(`/v1/moderation/cases/${caseId}/${i % 2 ? 'reject' : 'approve'}`)
          .set('Authorization', as(m))
          .send({}),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409]);
    const winner = answers.find((a) => a.status === 202)!.body;
    const view = (await t.http().get(`/v1/moderation/cases/${caseId}`).expect(200)).body;
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['decision']);
    const [reportId] = view.reports.map((r: { reportId: string }) => r.reportId);
    expect(await platform.awaitStep(reportId, 'cs_notified')).toMatchObject({ status: winner.outcome, decision: { caseDecisionId: winner.decisionId } });
  });
});
