import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { ALL_MODELS } from '../../src/database/models';
import { SCALAR_LOOKUP_FIELDS } from '../../src/database/scalar-fields';
import { readQueuePlan } from '../../src/database/queue-plan';
import { testServers } from '../support/test-env';

describe('fields declared scalar to the embedded FerretDB', () => {
  test('each one is a single value wherever a schema has it, and leads an index in at least one', () => {
    for (const field of SCALAR_LOOKUP_FIELDS) {
      const holders = ALL_MODELS.filter(({ schema }) => schema.path(field));
      expect({ field, declaredBySomeSchema: holders.length > 0 }).toEqual({ field, declaredBySomeSchema: true });
      for (const { name, schema } of holders) {
        expect({ field, model: name, type: schema.path(field).instance }).toEqual({ field, model: name, type: 'String' });
      }
      const leadsAnIndex = holders.some(({ schema }) =>
        [...schema.indexes().map(([keys]) => Object.keys(keys)[0]), ...Object.keys(schema.paths).filter((p) => schema.path(p).options?.index)].includes(field),
      );
      expect({ field, leadsAnIndex }).toEqual({ field, leadsAnIndex: true });
    }
  });
});

describe('equality lookups on the embedded FerretDB', () => {
  let connection: Connection;
  const docs = () => connection.collection<{ _id: string; chatId?: string; sentAt: number; target?: { id: string } }>('lookups');

  beforeAll(async () => {
    connection = await mongoose.createConnection(testServers().mongoBaseUrl(`t_scalar_${randomUUID().slice(0, 8)}`)).asPromise();
    await docs().createIndex({ chatId: 1, sentAt: -1 });
    await docs().createIndex({ 'target.id': 1 });
    await docs().insertMany([
      { _id: 'm1', chatId: 'chat-a', sentAt: 1, target: { id: 't-1' } },
      { _id: 'm2', chatId: 'chat-a', sentAt: 2, target: { id: 't-2' } },
      { _id: 'm3', chatId: 'chat-b', sentAt: 3, target: { id: 't-1' } },
      { _id: 'm4', chatId: 'chat "quoted" é', sentAt: 4 },
      { _id: 'm5', sentAt: 5 },
    ]);
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  const ids = async (filter: Record<string, unknown>) => (await docs().find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);

  test('answer exactly as MongoDB would, whether or not the filter can use an index', async () => {
    expect(await ids({ chatId: 'chat-a' })).toEqual(['m1', 'm2']);
    expect(await ids({ chatId: 'chat-a', sentAt: 2 })).toEqual(['m2']);
    expect(await ids({ 'target.id': 't-1' })).toEqual(['m1', 'm3']);
    expect(await ids({ chatId: 'chat-b', 'target.id': 't-2' })).toEqual([]);
    expect(await ids({ chatId: 'chat "quoted" é' })).toEqual(['m4']);
    expect(await ids({ chatId: { $in: ['chat-b', 'nope'] } })).toEqual(['m3']);
    expect(await ids({ chatId: 'chat-none' })).toEqual([]);
    expect(await docs().countDocuments({ chatId: 'chat-a' })).toBe(2);
  });

  test("use the field's index on our build (a chat's messages, a report's target)", async () => {
    const plan = async (filter: Record<string, unknown>) => readQueuePlan(await docs().find(filter).explain());
    const byChat = await plan({ chatId: 'chat-a' });
    if (byChat.server !== 'ferretdb') return; // MongoDB plans its own way; indexes.test.ts covers it.
    expect(byChat).toMatchObject({ filterPushdown: true });
    expect(byChat.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+chatId_1_sentAt_-1/);
    const byTarget = await plan({ 'target.id': 't-1' });
    expect(byTarget.server === 'ferretdb' && byTarget.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+target\.id_1/);
    // Not declared scalar: upstream behaviour, a full read.
    expect(await plan({ sentAt: 2 })).toMatchObject({ filterPushdown: false });
  });
});
