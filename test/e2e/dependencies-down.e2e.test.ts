import { findFreePort } from '../../scripts/lib/local-servers';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

/** The API pointed at a Temporal address where nothing listens; the database is real. */
let t: TestApp;

beforeAll(async () => {
  const nowhere = `127.0.0.1:${await findFreePort()}`;
  t = await startTestApp('temporal-down', { TEMPORAL_ADDRESS: nowhere, TEMPORAL_RPC_TIMEOUT: '2s' }, { worker: false });
});

afterAll(async () => {
  await t?.close();
});

describe('when Temporal is down', () => {
  test('GET /health answers 503 and names Temporal', async () => {
    const res = await t.http().get('/health').expect(503);
    expect(res.body).toEqual({ status: 'unavailable', temporal: 'down', mongo: 'up' });
  });

  test('filing answers 503 TEMPORAL_UNAVAILABLE and leaves no report without a workflow', async () => {
    const platform = new Platform(t);
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const postId = await platform.post(author, 'spam');
    const res = await platform.fileReport(reporter, 'open_chat_post', postId, ['spam_advertising']).expect(503);
    expect(res.body.code).toBe('TEMPORAL_UNAVAILABLE');
    expect(await t.mongo.collection('reports').countDocuments()).toBe(0);
  });

  test('filing with Prefer: wait answers the same 503 once the plain start has failed too, and stores nothing', async () => {
    const platform = new Platform(t);
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const postId = await platform.post(author, 'spam');
    const res = await platform.fileReportWaiting(1, reporter, 'open_chat_post', postId, { reasons: ['spam_advertising'] }).expect(503);
    expect(res.body.code).toBe('TEMPORAL_UNAVAILABLE');
    expect(res.headers['preference-applied']).toBeUndefined();
    expect(await t.mongo.collection('reports').countDocuments({ reporterId: reporter })).toBe(0);
  });
});
