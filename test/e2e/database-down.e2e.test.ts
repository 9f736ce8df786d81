import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningServer, findFreePort, startFerretDb } from '../../scripts/lib/local-servers';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/** A FerretDB of this file's own, so it can be stopped and started again without harming the others. */
let t: TestApp;
let platform: Platform;
let db: RunningServer;
let startDb: () => Promise<RunningServer & { url: (name: string) => string }>;

beforeAll(async () => {
  const port = await findFreePort();
  const dataDir = join(await mkdtemp(join(tmpdir(), 'report-db-down-')), 'ferretdb');
  startDb = () => startFerretDb({ port, dataDir });
  const started = await startDb();
  db = started;
  t = await startTestApp('db-down', { MONGO_URL: started.url('reports') });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
  await db?.stop();
});

test('with the database down, requests answer 503 and running workflows finish once it is back', async () => {
  const reporter = await platform.user('rep');
  const author = await platform.user('author');
  const postId = await platform.post(author, 'cheap followers');
  const filed = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(202);
  await platform.awaitStatus(filed.body.reportId, 'awaiting_review');

  await db.stop();
  const refused = await platform.fileReport(reporter, 'open_chat_post', postId, ['fraud_scam']).expect(503);
  expect(refused.body.code).toBe('DATABASE_UNAVAILABLE');
  expect((await t.http().get('/health').expect(503)).body).toMatchObject({ mongo: 'down', temporal: 'up' });
  // The decision reaches the workflow (here from the Temporal side); its activities retry meanwhile.
  await t.temporal.workflow.getHandle(filed.body.workflowId).signal('approve', { moderatorId: 'mod-1' });
  await new Promise((resolve) => setTimeout(resolve, 3000));

  db = await startDb();
  const done = await eventually(
    () =>
      t
        .http()
        .get(`/v1/reports/${filed.body.reportId}`)
        .then((r) => r.body),
    (report) => report.timeline?.some((s: { step: string }) => s.step === 'cs_notified'),
    60_000,
  );
  expect(done).toMatchObject({ status: 'approved', autoBlock: 'applied' });
  // Nothing from the refused filing was written.
  expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(1);
}, 120_000);
