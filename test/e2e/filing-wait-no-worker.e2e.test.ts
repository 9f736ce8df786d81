import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

// No worker polls this app's task queue: the workflow starts but nothing moves the report.
let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('filing-wait-no-worker', {}, { worker: false });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

test('Prefer: wait with no worker running answers received once the wait is over; the report is stored and its workflow started', async () => {
  const reporter = await platform.user('rep');
  const stranger = await platform.user('stranger');
  const chatId = await platform.chat(reporter, stranger);
  const messageId = await platform.message(chatId, stranger, 'pay up or else');
  const startedAt = Date.now();
  const res = await platform.fileReportWaiting(1, reporter, 'chat_message', messageId).expect(202);
  expect(res.body.status).toBe('received');
  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
  expect((await platform.report(res.body.reportId)).status).toBe('received');
  const description = await t.temporal.workflow.getHandle(res.body.workflowId).describe();
  expect(description.status.name).toBe('RUNNING');
});
