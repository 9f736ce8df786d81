import { bearer } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';
import { blockLog } from '../support/block-log';

let t: TestApp;
let platform: Platform;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await startTestApp('sanctions');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** A post by `author`, reported by `reporter` and decided by `moderatorId`; waits until the workflow's follow-ups are done. */
async function reportPost(reporter: string, author: string, reasons: string[], decision: { approve: boolean; moderatorId?: string }) {
  const postId = await platform.post(author, `post ${Math.random()}`);
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, reasons).expect(202);
  const reportId: string = filed.body.reportId;
  await platform.awaitStatus(reportId, 'awaiting_review');
  // The deciding moderator is the token's subject.
  await t
    .http()
    .post(`/v1/reports/${reportId}/${decision.approve ? 'approve' : 'reject'}`)
    .set('Authorization', await bearer('moderator', decision.moderatorId ?? 'mod-1'))
    .send({})
    .expect(200);
  await platform.awaitStep(reportId, 'cs_notified');
  return { reportId, postId };
}

const restrictionsOf = async (userId: string) => (await t.http().get(`/v1/users/${userId}/restrictions`).expect(200)).body;
const noticesOf = async (userId: string) => (await t.http().get(`/v1/users/${userId}/notices`).expect(200)).body;
const allSanctions = (body: { active: unknown[]; past: unknown[] }) => [...body.active, ...body.past] as Array<{ measure: string; days?: number }>;

describe('R9: sanctions on the reported account', () => {
  test('R9, R2: approval sanctions the account per the ladder; the statement of reasons names policy and content, never the reporter', async () => {
    const reporter = await platform.user('Rosalind');
    const author = await platform.user('author');
    const { reportId, postId } = await reportPost(reporter, author, ['abusive_hateful'], { approve: true });
    expect((await platform.report(reportId)).timeline.map((s: { step: string }) => s.step)).toEqual(expect.arrayContaining(['auto_block', 'sanctioned']));

    const body = await restrictionsOf(author);
    // First violation of a "standard" category: a warning, on record, not restricting.
    expect(body).toMatchObject({ userId: author, restricted: false, restrictedUntil: null, past: [] });
    expect(body.active).toHaveLength(1);
    const [warning] = body.active;
    expect(warning).toMatchObject({
      status: 'on_record',
      measure: 'warning',
      endsAt: null,
      statement: {
        measure: 'warning',
        ground: { policy: 'hate_harassment', title: 'Abuse, hate speech and harassment' },
        content: { kind: 'open_chat_post', id: postId },
        decidedBy: 'a moderator',
        automatedDecision: false,
        redress: { canAppeal: true },
      },
      appeal: null,
    });
    expect(new Date(warning.statement.redress.appealUntil).getTime()).toBeGreaterThan(Date.now() + 179 * DAY);

    // R2: neither the restrictions nor the notices carry the reporter's id, name, or the report id (derived from the reporter).
    const notices = await noticesOf(author);
    expect(notices.map((n: { kind: string }) => n.kind)).toEqual(['sanction_statement']);
    expect(notices[0].text).toContain(postId);
    const ticket = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items[0];
    for (const seen of [JSON.stringify(body), JSON.stringify(notices)]) {
      for (const secret of [reporter, 'Rosalind', reportId, ticket.ticketId, 'mod-1']) expect(seen).not.toContain(secret);
    }
    // Its lifecycle is a workflow of its own.
    const described = await t.temporal.workflow.getHandle(`sanction-${warning.sanctionId}`).describe();
    expect(described.type).toBe('sanctionWorkflow');
  });

  test('R9: a second violation escalates along the ladder (warning, then a 7-day restriction)', async () => {
    const author = await platform.user('author');
    await reportPost(await platform.user('rep'), author, ['obscene_sexual'], { approve: true });
    await reportPost(await platform.user('rep'), author, ['abusive_hateful'], { approve: true });
    const body = await restrictionsOf(author);
    const measures = allSanctions(body).map((s) => [s.measure, s.days ?? null]);
    expect(measures).toEqual([
      ['restriction', 7],
      ['warning', null],
    ]);
    expect(body.restricted).toBe(true);
    const until = new Date(body.restrictedUntil).getTime();
    expect(until).toBeGreaterThan(Date.now() + 6.9 * DAY);
    expect(until).toBeLessThan(Date.now() + 7.1 * DAY);
  });

  test('R9: two approved reports on the same content make one sanction, not two rungs', async () => {
    const author = await platform.user('author');
    const postId = await platform.post(author, 'one post, two reports');
    for (const label of ['rep-a', 'rep-b']) {
      const filed = await platform.fileReport(await platform.user(label), 'open_chat_post', postId, ['spam_advertising']).expect(202);
      await platform.awaitStatus(filed.body.reportId, 'awaiting_review');
      await t.http().post(`/v1/reports/${filed.body.reportId}/approve`).send({}).expect(200);
      await platform.awaitStep(filed.body.reportId, 'sanctioned');
    }
    expect(allSanctions(await restrictionsOf(author)).map((s) => s.measure)).toEqual(['warning']);
  });

  test('R9: CS lifts a restriction early through its workflow; lifting again is refused', async () => {
    const author = await platform.user('author');
    await reportPost(await platform.user('rep'), author, ['violent_threatening'], { approve: true });
    const [restriction] = (await restrictionsOf(author)).active;
    expect(restriction).toMatchObject({ status: 'active', measure: 'restriction', days: 30 });

    const lifted = await t
      .http()
      .post(`/v1/cs/sanctions/${restriction.sanctionId}/lift`)
      .set('Authorization', await bearer('support', 'cs-1'))
      .send({ note: 'context shows a quote' })
      .expect(200);
    expect(lifted.body).toMatchObject({ userId: author, status: 'lifted' });
    const after = await restrictionsOf(author);
    expect(after).toMatchObject({ restricted: false, active: [] });
    expect(after.past[0]).toMatchObject({ sanctionId: restriction.sanctionId, status: 'lifted' });
    expect((await noticesOf(author)).map((n: { kind: string }) => n.kind).sort()).toEqual(['sanction_lifted', 'sanction_statement']);
    // Who lifted it comes from the token and stays internal.
    expect(await t.mongo.collection('sanction_events').findOne({ sanctionId: restriction.sanctionId })).toMatchObject({ kind: 'lifted', by: 'cs-1' });
    expect(JSON.stringify(after)).not.toContain('cs-1');

    const again = await t.http().post(`/v1/cs/sanctions/${restriction.sanctionId}/lift`).send({}).expect(409);
    expect(again.body.code).toBe('SANCTION_NOT_ACTIVE');
    await t.http().post('/v1/cs/sanctions/snc_unknown/lift').send({}).expect(404);
  });

  test('R9: CS resolves a ticket with a measure that becomes a sanction; resolving twice is refused; bad measures store nothing', async () => {
    const author = await platform.user('author');
    const { reportId } = await reportPost(await platform.user('rep'), author, ['fraud_scam'], { approve: false });
    const [ticket] = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items;
    const [cs1, cs2] = [await bearer('support', 'cs-1'), await bearer('support', 'cs-2')];
    const resolve = (body: object, token = cs1) => t.http().post(`/v1/cs/tickets/${ticket.ticketId}/resolve`).set('Authorization', token).send(body);

    expect((await resolve({ measure: 'restriction', days: 181 }).expect(400)).body.code).toBe('INVALID_RESTRICTION_DAYS');
    expect((await resolve({ measure: 'restriction' }).expect(400)).body.code).toBe('INVALID_RESTRICTION_DAYS');
    expect((await resolve({ measure: 'warning', days: 3 }).expect(400)).body.code).toBe('DAYS_ONLY_FOR_RESTRICTION');
    expect((await resolve({ measure: 'ban' }).expect(400)).body.code).toBe('UNKNOWN_MEASURE');
    expect(await t.mongo.collection('cs_ticket_resolutions').countDocuments({ _id: ticket.ticketId })).toBe(0);

    const resolved = (await resolve({ measure: 'restriction', days: 3 }).expect(200)).body;
    expect(resolved).toMatchObject({ ticketId: ticket.ticketId, status: 'resolved', measure: 'restriction', days: 3 });
    const [sanction] = (await restrictionsOf(author)).active;
    expect(sanction).toMatchObject({
      sanctionId: resolved.sanctionId,
      status: 'active',
      days: 3,
      statement: { decidedBy: 'customer service', ground: { policy: 'fraud' } },
    });

    expect((await resolve({ measure: 'permanent' }, cs2).expect(409)).body.code).toBe('TICKET_ALREADY_RESOLVED');
    const listed = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}&status=resolved`).expect(200)).body.items;
    expect(listed[0]).toMatchObject({ ticketId: ticket.ticketId, resolution: { measure: 'restriction', days: 3, sanctionId: resolved.sanctionId } });
    await t.http().post('/v1/cs/tickets/report_decided-nope/resolve').send({ measure: 'none' }).expect(404);
  });

  test('R9: a ticket resolved with no measure leaves the account unsanctioned', async () => {
    const author = await platform.user('author');
    const { reportId } = await reportPost(await platform.user('rep'), author, ['spam_advertising'], { approve: false });
    const [ticket] = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items;
    const resolved = await t.http().post(`/v1/cs/tickets/${ticket.ticketId}/resolve`).send({ measure: 'none' }).expect(200);
    expect(resolved.body).toMatchObject({ measure: 'none', sanctionId: null });
    expect(allSanctions(await restrictionsOf(author))).toEqual([]);
  });
});

describe('appeals (DSA Art. 20)', () => {
  test('R7: appealed once, refused twice, refused to the deciding moderator; upheld by another it lifts the sanction and the automatic block', async () => {
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const { reportId } = await reportPost(reporter, author, ['violent_threatening'], { approve: true, moderatorId: 'mod-1' });
    expect((await platform.report(reportId)).autoBlock).toBe('applied');
    expect((await t.http().get(`/v1/users/${reporter}/blocks`).expect(200)).body.map((b: { blockedUserId: string }) => b.blockedUserId)).toEqual([author]);
    const [sanction] = (await restrictionsOf(author)).active;

    const appealUrl = `/v1/users/${author}/restrictions/${sanction.sanctionId}/appeal`;
    const filed = (await t.http().post(appealUrl).send({ statement: 'It was a film quote.' }).expect(201)).body;
    expect(filed).toMatchObject({ sanctionId: sanction.sanctionId, status: 'pending' });
    expect((await t.http().post(appealUrl).send({ statement: 'again' }).expect(409)).body.code).toBe('APPEAL_ALREADY_FILED');
    // Only the sanctioned account can appeal its sanction.
    await t.http().post(`/v1/users/${reporter}/restrictions/${sanction.sanctionId}/appeal`).send({ statement: 'x' }).expect(404);

    // The moderator deciding the appeal is the token's subject.
    const tokens: Record<string, string> = {};
    for (const moderatorId of ['mod-1', 'mod-2', 'mod-3', author]) tokens[moderatorId] = await bearer('moderator', moderatorId);
    const decide = (moderatorId: string, outcome: string) =>
      t.http().post(`/v1/moderation/appeals/${filed.appealId}/decide`).set('Authorization', tokens[moderatorId]).send({ outcome });
    expect((await decide('mod-1', 'uphold').expect(403)).body.code).toBe('APPEAL_NEEDS_ANOTHER_MODERATOR');
    expect((await decide(author, 'uphold').expect(403)).body.code).toBe('MODERATOR_CONFLICT_OF_INTEREST');
    expect((await decide('mod-2', 'overrule').expect(400)).body.code).toBe('UNKNOWN_APPEAL_OUTCOME');
    const pending = (await t.http().get('/v1/moderation/appeals?status=pending').expect(200)).body.items;
    expect(pending.map((a: { appealId: string }) => a.appealId)).toContain(filed.appealId);

    const upheld = (await decide('mod-2', 'uphold').expect(200)).body;
    expect(upheld).toMatchObject({ appealId: filed.appealId, outcome: 'upheld', sanction: { status: 'overturned', appeal: { status: 'upheld' } } });
    expect((await decide('mod-3', 'deny').expect(409)).body.code).toBe('APPEAL_ALREADY_DECIDED');
    // The same decision again by the same moderator (a retry) answers the same and changes nothing.
    expect((await decide('mod-2', 'uphold').expect(200)).body).toMatchObject({ outcome: 'upheld', sanction: { status: 'overturned' } });

    const after = await restrictionsOf(author);
    expect(after).toMatchObject({ restricted: false, active: [] });
    expect(after.past[0]).toMatchObject({ status: 'overturned', statement: { redress: { canAppeal: false } } });
    // R7: the block the approval applied is gone, and that is recorded on the block and the report.
    expect((await t.http().get(`/v1/users/${reporter}/blocks`).expect(200)).body).toEqual([]);
    const log = await blockLog(t.mongo, reporter, author);
    expect(log.map((e) => e.type)).toEqual(['auto_blocked', 'auto_block_revoked']);
    expect(log[1]).toMatchObject({ reportId, revocation: 'revoked' });
    const timeline = (await platform.report(reportId)).timeline;
    expect(timeline.find((s: { step: string }) => s.step === 'auto_block_revoked')?.detail).toMatch(/^revoked/);
    expect((await noticesOf(author)).map((n: { kind: string }) => n.kind).sort()).toEqual(['sanction_overturned', 'sanction_statement']);
    // An overturned sanction no longer counts: the next violation starts the ladder again.
    await reportPost(await platform.user('rep'), author, ['violent_threatening'], { approve: true });
    expect((await restrictionsOf(author)).active[0]).toMatchObject({ measure: 'restriction', days: 30 });
  });

  test('a denied appeal leaves the sanction in force and tells the user', async () => {
    const author = await platform.user('author');
    await reportPost(await platform.user('rep'), author, ['violent_threatening'], { approve: true, moderatorId: 'mod-1' });
    const [sanction] = (await restrictionsOf(author)).active;
    const filed = (await t.http().post(`/v1/users/${author}/restrictions/${sanction.sanctionId}/appeal`).send({ statement: 'please' }).expect(201)).body;
    const denied = await t
      .http()
      .post(`/v1/moderation/appeals/${filed.appealId}/decide`)
      .set('Authorization', await bearer('moderator', 'mod-2'))
      .send({ outcome: 'deny' })
      .expect(200);
    expect(denied.body).toMatchObject({ outcome: 'denied', sanction: { status: 'active', appeal: { status: 'denied' } } });
    const notices = await eventually(
      () => noticesOf(author),
      (list) => list.length === 2,
    );
    expect(notices.map((n: { kind: string }) => n.kind).sort()).toEqual(['appeal_denied', 'sanction_statement']);
    expect((await restrictionsOf(author)).restricted).toBe(true);
  });
});

describe('appeal window', () => {
  let short: TestApp;

  beforeAll(async () => {
    short = await startTestApp('sanctions-window', { APPEAL_WINDOW: '1ms' });
  });

  afterAll(async () => {
    await short?.close();
  });

  test('an appeal after the window has closed is refused with 422 APPEAL_WINDOW_CLOSED and nothing is stored', async () => {
    const p = new Platform(short);
    const author = await p.user('author');
    const postId = await p.post(author, 'threat');
    const filed = await p.fileReport(await p.user('rep'), 'open_chat_post', postId, ['violent_threatening']).expect(202);
    await p.awaitStatus(filed.body.reportId, 'awaiting_review');
    await short.http().post(`/v1/reports/${filed.body.reportId}/approve`).send({}).expect(200);
    await p.awaitStep(filed.body.reportId, 'sanctioned');
    const [sanction] = (await short.http().get(`/v1/users/${author}/restrictions`).expect(200)).body.active;
    expect(sanction.statement.redress.canAppeal).toBe(false);
    const refused = await short.http().post(`/v1/users/${author}/restrictions/${sanction.sanctionId}/appeal`).send({ statement: 'late' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'APPEAL_WINDOW_CLOSED', details: { appealUntil: sanction.statement.redress.appealUntil } });
    expect(await short.mongo.collection('sanction_appeals').countDocuments({})).toBe(0);
  });
});
