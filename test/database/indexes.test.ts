import mongoose, { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { QUEUE_INDEX, explainQueueQuery, readQueuePlan } from '../../src/database/queue-plan';
import { syncAllIndexes } from '../../src/database/sync-indexes';
import { testServers } from '../support/test-env';

let connection: Connection;

beforeAll(async () => {
  const url = testServers().mongoBaseUrl(`t_indexes_${randomUUID().slice(0, 8)}`);
  connection = await mongoose.createConnection(url, { autoIndex: false }).asPromise();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

describe('index management (npm run migrate)', () => {
  test('a fresh database gets every schema index, and a second run changes nothing', async () => {
    const first = await syncAllIndexes(connection);
    const reports = first.find((r) => r.collection === 'reports')!;
    expect(reports.indexes).toEqual(expect.arrayContaining([`${QUEUE_INDEX} {"status":1,"reviewOpenedAt":1,"_id":1}`]));
    expect(first.find((r) => r.collection === 'messages')!.created).toEqual(['{"chatId":1,"sentAt":-1,"_id":-1}']);
    const again = await syncAllIndexes(connection);
    expect(again.flatMap((r) => [...r.created, ...r.dropped])).toEqual([]);
  });

  test('an index the schemas no longer declare is dropped, and only reported in a dry run', async () => {
    await connection.collection('reports').createIndex({ details: 1 }, { name: 'details_1' });
    const dry = await syncAllIndexes(connection, { dryRun: true });
    expect(dry.find((r) => r.collection === 'reports')!.dropped).toEqual(['details_1']);
    expect(dry.find((r) => r.collection === 'reports')!.indexes.some((i) => i.startsWith('details_1'))).toBe(true);
    const real = await syncAllIndexes(connection);
    expect(real.find((r) => r.collection === 'reports')!.indexes.some((i) => i.startsWith('details_1'))).toBe(false);
  });
});

describe('moderation queue query plan', () => {
  test('on the server under test: MongoDB must use the queue index without an in-memory sort; FerretDB v1 reports its pushdown', async () => {
    const plan = readQueuePlan(await explainQueueQuery(connection));
    if (plan.server === 'mongodb') {
      expect(plan).toMatchObject({ indexes: [QUEUE_INDEX], sortsInMemory: false, scansCollection: false });
    } else {
      // Upstream FerretDB v1 on SQLite pushes down `_id` filters only; our build also pushes
      // equality on the declared scalar fields (status among them) and so reads the queue's
      // reports through the queue index, then sorts them itself (see "Indexes" in the README).
      expect(plan).toMatchObject({ filterPushdown: true, sortPushdown: false });
      expect(plan.sqlitePlan.join(' ')).toMatch(new RegExp(`USING INDEX \\S+_${QUEUE_INDEX}`));
      const anyOpen = readQueuePlan(await explainQueueQuery(connection, { status: { $in: ['awaiting_review', 'escalated'] } }));
      expect(anyOpen).toMatchObject({ server: 'ferretdb', filterPushdown: false });
      expect(anyOpen.server === 'ferretdb' && anyOpen.sqlitePlan.join(' ')).toMatch(/SCAN/);
      const byId = readQueuePlan(await explainQueueQuery(connection, { _id: 'rpt_x' }));
      expect(byId).toMatchObject({ server: 'ferretdb', filterPushdown: true });
      // Upstream v1.24.2 scans the table even then; our build's patch makes it use the index.
      expect(byId.server === 'ferretdb' && byId.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+__id_/);
      // A conditional write's filter (`_id` and a condition on another field): upstream scans
      // the table unless `_id` is the only key; our build looks `_id` up and filters that one.
      const conditional = readQueuePlan(await explainQueueQuery(connection, { _id: 'rpt_x', 'timeline.decided': { $exists: false } }));
      expect(conditional).toMatchObject({ server: 'ferretdb', filterPushdown: true });
      expect(conditional.server === 'ferretdb' && conditional.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+__id_/);
    }
  });

  test('a MongoDB explain is read as index use and sort order', () => {
    const winningPlan = {
      stage: 'LIMIT',
      inputStage: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: QUEUE_INDEX, keyPattern: { status: 1, reviewOpenedAt: 1, _id: 1 } } },
    };
    expect(readQueuePlan({ queryPlanner: { winningPlan } })).toEqual({ server: 'mongodb', indexes: [QUEUE_INDEX], sortsInMemory: false, scansCollection: false });
    const unindexed = { stage: 'SORT', inputStage: { stage: 'COLLSCAN' } };
    expect(readQueuePlan({ queryPlanner: { winningPlan: { queryPlan: unindexed } } })).toEqual({
      server: 'mongodb',
      indexes: [],
      sortsInMemory: true,
      scansCollection: true,
    });
  });
});
