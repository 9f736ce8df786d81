import { appealIdOf } from '../../src/sanctions/schemas/sanction-appeal.schema';
import { TestApp, startTestApp } from '../support/test-app';

let t: TestApp;

beforeAll(async () => {
  // Reads only: no report workflow runs here.
  t = await startTestApp('appeal-list', {}, { worker: false });
});

afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;

/** `count` sanctions with an appeal each, filed a second apart from `from`; `decided` ones carry a decision. */
async function seedAppeals(prefix: string, count: number, from: number, outcome?: 'upheld' | 'denied') {
  const sanctions = [];
  const appeals = [];
  const decisions = [];
  for (let i = 0; i < count; i++) {
    const sanctionId = `snc-${prefix}-${i}`;
    const appealId = appealIdOf(sanctionId);
    const startsAt = new Date(from + i * 1000);
    sanctions.push({
      _id: sanctionId,
      userId: `user-${prefix}-${i}`,
      measure: 'restriction',
      days: 3,
      policy: 'spam',
      target: { kind: 'open_chat_post', id: `post-${prefix}-${i}` },
      source: 'moderator_decision',
      decidedBy: 'mod-9',
      priorSanctions: 0,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * DAY),
      appealableUntil: new Date(startsAt.getTime() + 180 * DAY),
    });
    appeals.push({ _id: appealId, sanctionId, userId: `user-${prefix}-${i}`, statement: 'not me', filedAt: new Date(from + i * 1000 + 10) });
    if (outcome) decisions.push({ _id: appealId, sanctionId, outcome, moderatorId: 'mod-8', decidedAt: new Date(from + i * 1000 + 20) });
  }
  await t.mongo.collection('sanctions').insertMany(sanctions as never[]);
  await t.mongo.collection('sanction_appeals').insertMany(appeals as never[]);
  if (decisions.length) await t.mongo.collection('appeal_decisions').insertMany(decisions as never[]);
  return appeals.map((a) => a._id);
}

async function allPages(status?: string): Promise<Array<{ appealId: string; status: string }>> {
  const seen: Array<{ appealId: string; status: string }> = [];
  let cursor: string | null = null;
  do {
    const res: { body: { items: Array<{ appealId: string; status: string }>; nextCursor: string | null } } = await t
      .http()
      .get('/v1/moderation/appeals')
      .query({ limit: 200, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) })
      .expect(200);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return seen;
}

describe('DSA Art. 20: the appeal list', () => {
  test('every pending appeal is listed, oldest first, behind more than 500 decided older ones', async () => {
    const start = Date.now() - 30 * DAY;
    const decided = await seedAppeals('old', 520, start, 'denied');
    const pending = await seedAppeals('new', 30, start + 600_000);

    const pendingListed = await allPages('pending');
    expect(pendingListed.map((a) => a.appealId)).toEqual(pending);
    expect(pendingListed.every((a) => a.status === 'pending')).toBe(true);

    const denied = await allPages('denied');
    expect(denied.map((a) => a.appealId)).toEqual(decided);
    expect(await allPages('upheld')).toEqual([]);
    expect((await allPages()).map((a) => a.appealId)).toEqual([...decided, ...pending]);
  });

  test('a cursor that no page gave is 400 INVALID_CURSOR', async () => {
    const res = await t.http().get('/v1/moderation/appeals?cursor=nope').expect(400);
    expect(res.body.code).toBe('INVALID_CURSOR');
  });
});
