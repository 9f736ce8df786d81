import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { createActivities } from '../../activities';
import { activityDepsFrom, createReportWorker } from '../../src/worker/create-worker';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';
import { testServers } from '../support/test-env';

/**
 * Failure messages name reports and people as much as payloads do: with payload keys set, a
 * failed activity's message and stack reach Temporal encrypted, like every payload.
 */
const SECRET = `failure-secret-${randomUUID()}`;
let t: TestApp;
let connection: NativeConnection;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  t = await startTestApp('failure-enc', {}, { worker: false });
  connection = await NativeConnection.connect({ address: testServers().temporalAddress });
  const activities = {
    ...createActivities(activityDepsFrom(t.app)),
    storeEvidence: async () => {
      throw ApplicationFailure.create({ message: SECRET, type: 'ReportNotFound', nonRetryable: true });
    },
  };
  worker = await createReportWorker(t.app, connection, { workflowBundle: { codePath: testServers().workflowBundlePath } }, { activities });
  running = worker.run();
}, 60_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await connection?.close();
  await t?.close();
});

test("a failed activity's message is not plaintext in the workflow history", async () => {
  const platform = new Platform(t);
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const messageId = await platform.message(await platform.chat(reporter, reported), reported, 'hello');
  const filed = await platform.fileReport(reporter, 'chat_message', messageId).expect(202);
  const handle = t.temporal.workflow.getHandle(filed.body.workflowId);
  const history = await eventually(
    // Filing answers before the workflow starts: until then there is no history to read.
    () => handle.fetchHistory().catch(() => undefined),
    (h) => (h?.events ?? []).some((e) => e.activityTaskFailedEventAttributes),
    30_000,
  );
  const failed = history!.events!.find((e) => e.activityTaskFailedEventAttributes)!.activityTaskFailedEventAttributes!;
  expect(failed.failure?.message).not.toContain(SECRET);
  expect(failed.failure?.encodedAttributes).toBeTruthy();
  expect(Buffer.from(JSON.stringify(history)).toString('latin1')).not.toContain(SECRET);
  expect(JSON.stringify(history)).not.toContain(Buffer.from(SECRET).toString('base64'));
});
