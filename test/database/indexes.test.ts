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
      // FerretDB v1 on SQLite pushes down `{ _id: value }` alone: the queue's filter is a full
      // read, done when a queue projection loads, never per page (see docs/dependencies.md).
      expect(plan).toMatchObject({ filterPushdown: false });
      expect(plan.sqlitePlan.join(' ')).toMatch(/SCAN/);
      const byId = readQueuePlan(await explainQueueQuery(connection, { _id: 'rpt_x' }));
      expect(byId).toMatchObject({ server: 'ferretdb', filterPushdown: true });
      // Through the _id index: upstream v1.24.2 scans the table here; sqlite-id-lookups-use-index.patch.
      expect(byId.server === 'ferretdb' && byId.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+__id_/);
      // Dotted keys are left out of what is pushed down (and checked on the rows read): `_id` and
      // a timeline condition still go through the index; `_id` and a top-level field do not.
      const conditional = readQueuePlan(await explainQueueQuery(connection, { _id: 'rpt_x', 'timeline.decided': { $exists: false } }));
      expect(conditional.server === 'ferretdb' && conditional.sqlitePlan.join(' ')).toMatch(/USING INDEX \S+__id_/);
      const withStatus = readQueuePlan(await explainQueueQuery(connection, { _id: 'rpt_x', status: 'received' }));
      expect(withStatus).toMatchObject({ server: 'ferretdb', filterPushdown: false });
    }
  });

  test('a MongoDB explain is read as index use and sort order', () => {
    const winningPlan = {
      stage: 'LIMIT',
      inputStage: { stage: 'FETCH', inputStage: { stage: 'IXSCAN', indexName: QUEUE_INDEX, keyPattern: { status: 1, reviewOpenedAt: 1, _id: 1 } } },
    };
    expect(readQueuePlan({ queryPlanner: { winningPlan } })).toEqual({
      server: 'mongodb',
      indexes: [QUEUE_INDEX],
      sortsInMemory: false,
      scansCollection: false,
    });
    const unindexed = { stage: 'SORT', inputStage: { stage: 'COLLSCAN' } };
    expect(readQueuePlan({ queryPlanner: { winningPlan: { queryPlan: unindexed } } })).toEqual({
      server: 'mongodb',
      indexes: [],
      sortsInMemory: true,
      scansCollection: true,
    });
  });
});
