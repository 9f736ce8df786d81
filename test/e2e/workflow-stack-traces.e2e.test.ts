import type { WorkflowHandle } from '@temporalio/client';
import { findFreePort } from '../../scripts/lib/local-servers';
import { NodeProcess, awaitReady, startNodeProcess } from '../support/node-processes';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';
import { testServers } from '../support/test-env';

/**
 * Support staff open a report's Call Stack tab in the Temporal Web UI (`temporal workflow stack`
 * asks the same): the UI sends the built-in `__stack_trace` query, which the worker answers from
 * the workflow's pending promises. The worker runs as the built process `npm start` runs, with
 * its default settings, so nothing of the test set-up can turn the query on for it.
 */
let t: TestApp;
let platform: Platform;
let worker: NodeProcess | undefined;

beforeAll(async () => {
  t = await startTestApp('stack-traces', {}, { worker: false });
  platform = new Platform(t);
  const port = await findFreePort();
  worker = startNodeProcess('worker', 'worker/main.js', {
    MONGO_URL: process.env.MONGO_URL!,
    TEMPORAL_ADDRESS: testServers().temporalAddress,
    TEMPORAL_TASK_QUEUE: t.taskQueue,
    WORKER_HEALTH_PORT: String(port),
  });
  await awaitReady(worker, port);
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

/** A report parked awaiting review (`Prefer: wait` answers once it is): its workflow is blocked on the moderator's decision. */
async function parkedReport(): Promise<WorkflowHandle> {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const messageId = await platform.message(await platform.chat(reporter, reported), reported, 'hello');
  const filed = await platform.fileReportWaiting(10, reporter, 'chat_message', messageId).expect(202);
  expect(filed.body.status).toBe('awaiting_review');
  return t.temporal.workflow.getHandle(filed.body.workflowId);
}

test("the stack trace query (the UI's Call Stack tab) shows where a running report waits", async () => {
  const handle = await parkedReport();
  const stack = await handle.query<string>('__stack_trace');
  // The workflow function's own frame, in the workflow's source file: not an empty answer or an SDK frame only.
  expect(stack).toMatch(/reportLifecycleWorkflow/);
  expect(stack).toMatch(/report-lifecycle\.workflow/);
}, 60_000);
