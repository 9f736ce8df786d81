import fc from 'fast-check';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * Hostile input, generated: every request below carries at least one malformed or hostile part
 * (an operator object, a wrong type, an unknown or prototype key, an oversize string, a bad id,
 * broken JSON). Each must get a 4xx with a stable code, and nothing may be written.
 */
const RUNS = 600;
let t: TestApp;
let ids: { alice: string; bob: string; chat: string; post: string };
const codes = new Map<string, number>();

beforeAll(async () => {
  t = await startTestApp('hostile', { FILING_RATE_LIMIT: '100000/1m' }, { worker: false });
  const platform = new Platform(t);
  const [alice, bob] = [await platform.user('alice'), await platform.user('bob')];
  const chat = await platform.chat(alice, bob);
  ids = { alice, bob, chat, post: await platform.post(bob, 'hello board') };
}, 60_000);

afterAll(async () => {
  process.stdout.write(`hostile input: ${RUNS} requests; codes: ${JSON.stringify(Object.fromEntries(codes))}\n`);
  await t?.close();
});

interface Target {
  method: 'get' | 'post' | 'delete';
  path: (id: string) => string;
  /** A valid body, one of whose fields the generator spoils. */
  body?: () => Record<string, unknown>;
}

const targets = (): Target[] => [
  { method: 'post', path: () => '/v1/users', body: () => ({ userId: 'fuzz-user', displayName: 'Fuzz' }) },
  { method: 'post', path: (id) => `/v1/users/${id}/friends`, body: () => ({ friendId: ids.bob }) },
  { method: 'post', path: (id) => `/v1/users/${id}/blocks`, body: () => ({ blockedUserId: ids.bob }) },
  { method: 'post', path: () => '/v1/chats', body: () => ({ memberIds: [ids.alice, ids.bob] }) },
  { method: 'post', path: (id) => `/v1/chats/${id}/messages`, body: () => ({ senderId: ids.alice, text: 'hi' }) },
  { method: 'post', path: () => '/v1/open-chats', body: () => ({ title: 'Board', ownerId: ids.alice }) },
  { method: 'post', path: (id) => `/v1/open-chats/${id}/posts`, body: () => ({ authorId: ids.alice, text: 'post' }) },
  { method: 'post', path: (id) => `/v1/posts/${id}/comments`, body: () => ({ authorId: ids.alice, text: 'comment' }) },
  {
    method: 'post',
    path: () => '/v1/reports',
    body: () => ({ reporterId: ids.alice, target: { kind: 'open_chat_post', id: ids.post }, reasons: ['spam_advertising'] }),
  },
  { method: 'post', path: (id) => `/v1/reports/${id}/approve`, body: () => ({ policy: 'spam_advertising', note: 'n' }) },
  { method: 'post', path: (id) => `/v1/reports/${id}/reject`, body: () => ({ note: 'n', falseReport: false }) },
  { method: 'get', path: (id) => `/v1/reports/${id}` },
  { method: 'get', path: (id) => `/v1/reports/${id}/evidence` },
  { method: 'get', path: (id) => `/v1/users/${id}` },
  { method: 'get', path: (id) => `/v1/chats/${id}` },
  { method: 'delete', path: (id) => `/v1/users/${ids.alice}/blocks/${id}` },
];

const operator = fc.constantFrom<unknown>({ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, { $regex: '.*' }, { $in: [] }, { $exists: true });
// Not null: an optional field given null is the field left out, a valid request.
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.double());
const oversize = fc.integer({ min: 2_001, max: 70_000 }).map((n) => 'x'.repeat(n));
const hostileValue = fc.oneof(operator, wrongType, oversize);
const hostileKey = fc.constantFrom('__proto__', 'constructor', '$where', 'isAdmin', 'moderatorId', 'status', '_id');
const hostileId = fc.constantFrom('$gt', '..%2F..%2Fetc', 'a'.repeat(300), '%00', 'x%20y', '{"$ne":1}', '%E2%80%AE', 'a.b$c');
const hostileQuery = fc.constantFrom('?limit=-1', '?limit[$gt]=1', '?cursor[$ne]=x', '?limit=abc', '?cursor=' + 'z'.repeat(500), '?limit=100000');

type Spoil =
  | { kind: 'value'; field: number; value: unknown }
  | { kind: 'key'; key: string; value: unknown }
  | { kind: 'id'; id: string }
  | { kind: 'json'; text: string }
  | { kind: 'query'; query: string };

const spoil: fc.Arbitrary<Spoil> = fc.oneof(
  fc.record({ kind: fc.constant('value' as const), field: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('key' as const), key: hostileKey, value: fc.oneof(hostileValue, fc.string()) }),
  fc.record({ kind: fc.constant('id' as const), id: hostileId }),
  fc.record({ kind: fc.constant('json' as const), text: fc.constantFrom('{', '{"a":', 'null', '[]', '"str"', '{"reasons": [}') }),
  fc.record({ kind: fc.constant('query' as const), query: hostileQuery }),
);

async function send(target: Target, spoiled: Spoil) {
  const usesId = target.path('a') !== target.path('b');
  // A spoil that does not fit the route (an id for a route without one, a body for a GET)
  // becomes one that does, so that every request stays hostile.
  let s = spoiled;
  if (s.kind === 'id' && !usesId) s = { kind: 'value', field: 0, value: { $ne: null } };
  if (!target.body && s.kind !== 'id' && s.kind !== 'query') s = { kind: 'id', id: '$gt' };
  let path = target.path(s.kind === 'id' ? s.id : 'fuzz-missing-1');
  if (s.kind === 'query') path += s.query;
  const req = t.http()[target.method](path);
  if (!target.body) return req;
  if (s.kind === 'json') return req.set('content-type', 'application/json').send(s.text);
  const body = target.body();
  if (s.kind === 'value') {
    const fields = Object.keys(body);
    body[fields[s.field % fields.length]] = s.value;
  } else if (s.kind === 'key') {
    // Written into the JSON text, so `__proto__` arrives as a real key, as an attacker sends it.
    return req.set('content-type', 'application/json').send(JSON.stringify(body).replace(/^\{/, `{${JSON.stringify(s.key)}:${JSON.stringify(s.value)},`));
  } else if (s.kind === 'query') {
    body.note = { $gt: '' };
  }
  return req.send(body);
}

async function countEverything(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of await t.mongo.db!.listCollections().toArray()) counts[name] = await t.mongo.db!.collection(name).countDocuments();
  return counts;
}

test(`${RUNS} generated hostile requests: no 5xx, a stable 4xx code each time, nothing written`, async () => {
  const before = await countEverything();
  const all = targets();
  await fc.assert(
    fc.asyncProperty(fc.nat({ max: all.length - 1 }), spoil, async (index, s) => {
      const res = await send(all[index], s);
      codes.set(res.body?.code, (codes.get(res.body?.code) ?? 0) + 1);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(typeof res.body.message).toBe('string');
    }),
    { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
  );
  expect(await countEverything()).toEqual(before);
  const started = await t.temporal.workflow.count(`TaskQueue = "${t.taskQueue}"`);
  expect(started.count).toBe(0);
}, 240_000);
