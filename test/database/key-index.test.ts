import mongoose, { Connection, Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { KeyIndex, KeyIndexEntry, KeyIndexEntrySchema, keyIndexEntryId } from '../../src/common/key-index';
import { readQueuePlan } from '../../src/database/queue-plan';
import { testServers } from '../support/test-env';

let connection: Connection;
let entries: Model<KeyIndexEntry>;
let index: KeyIndex;

beforeAll(async () => {
  connection = await mongoose.createConnection(testServers().mongoBaseUrl(`t_keys_${randomUUID().slice(0, 8)}`)).asPromise();
  entries = connection.model(KeyIndexEntry.name, KeyIndexEntrySchema);
  await entries.init();
  index = new KeyIndex(entries);
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

test('a key lists what was added under it, in order, each once, and nothing of other keys', async () => {
  expect(await index.list('reports-on:post:p1')).toEqual([]);
  await index.add('reports-on:post:p1', 'rpt_a');
  await index.add('reports-on:post:p1', 'rpt_b');
  await index.add('reports-on:post:p1', 'rpt_a'); // a retried filing
  await index.add('reports-on:post:p10', 'rpt_c');
  expect(await index.list('reports-on:post:p1')).toEqual(['rpt_a', 'rpt_b']);
  expect(await index.list('reports-on:post:p10')).toEqual(['rpt_c']);
  expect(await entries.countDocuments({ key: 'reports-on:post:p1' })).toBe(2);
});

test('concurrent adds to one key (reports on one target filed at once) are all listed, past one read batch', async () => {
  const refs = Array.from({ length: 20 }, (_, i) => `rpt_${String(i).padStart(2, '0')}`);
  await Promise.all(refs.map((ref) => index.add('reports-on:chat_message:m1', ref)));
  expect((await index.list('reports-on:chat_message:m1')).sort()).toEqual(refs);
  // Dense positions 0..19: a list ends at its first gap, so a hole would hide the entries after it.
  const ids = (await entries.find({ key: 'reports-on:chat_message:m1' }, { _id: 1 }).lean()).map((e) => e._id).sort();
  expect(ids).toEqual(refs.map((_, i) => keyIndexEntryId('reports-on:chat_message:m1', i)));
});

test('an entry is read through the _id index on the embedded FerretDB', async () => {
  const plan = readQueuePlan(await entries.find({ _id: keyIndexEntryId('reports-on:post:p1', 0) }).explain());
  if (plan.server !== 'ferretdb') return; // MongoDB serves `_id` from its index always.
  expect(plan).toMatchObject({ filterPushdown: true });
  expect(plan.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+__id_/);
});

test('an empty list costs one read and a short one a few: the usual key (a user never restricted) is one `_id` lookup', async () => {
  const reads = jest.spyOn(entries, 'findById');
  try {
    expect(await index.list('restrictions-of:u_never')).toEqual([]);
    expect(reads).toHaveBeenCalledTimes(1);
    await index.add('restrictions-of:u_once', 'reporting-r1');
    reads.mockClear();
    expect(await index.list('restrictions-of:u_once')).toEqual(['reporting-r1']);
    expect(reads).toHaveBeenCalledTimes(3); // position 0, then 1 and 2
  } finally {
    reads.mockRestore();
  }
});

test('adding to a new key is one insert and no read; adding to a listed key reads it first', async () => {
  const reads = jest.spyOn(entries, 'findById');
  try {
    await index.add('strikes-of:u_first', 'rpt_1');
    expect(reads).not.toHaveBeenCalled();
    await index.add('strikes-of:u_first', 'rpt_2');
    await index.add('strikes-of:u_first', 'rpt_1'); // a retried add finds its entry
    expect(reads).toHaveBeenCalled();
    expect(await index.list('strikes-of:u_first')).toEqual(['rpt_1', 'rpt_2']);
  } finally {
    reads.mockRestore();
  }
});
