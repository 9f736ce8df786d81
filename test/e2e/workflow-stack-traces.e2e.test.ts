import type { WorkflowHandle } from '@temporalio/client';
import { findFreePort } from '../../scripts/lib/local-servers';
import { NodeProcess, awaitReady, startNodeProcess } from '../support/node-processes';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';
import { testServers } from '../support/test-env';

/**
 * The SDK records a stack trace for every promise a workflow creates, for the stack trace query
 * (the Web UI's "Stack Trace" tab, `temporal workflow stack`); our patch of the SDK (patches/)
 * turns that into a setting, off by default (docs/performance.md, eleventh round). The patch
 * reads the variable in the SDK's workflow thread, which sees the real process environment, so
 * the worker runs as its own process here.
 */
let t: TestApp;
let platform: Platform;
let worker: NodeProcess | undefined;

beforeAll(async () => {
  t = await startTestApp('stack-traces', {}, { worker: false });
  platform = new Platform(t);
}, 30_000);

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});

afterAll(async () => {
  await t?.close();
});

async function startWorker(env: Record<string, string> = {}): Promise<void> {
  const port = await findFreePort();
  worker = startNodeProcess('worker', 'worker/main.js', {
    MONGO_URL: process.env.MONGO_URL!,
    TEMPORAL_ADDRESS: testServers().temporalAddress,
    TEMPORAL_TASK_QUEUE: t.taskQueue,
    WORKER_HEALTH_PORT: String(port),
    ...env,
  });
  await awaitReady(worker, port);
}

/** A report parked awaiting review (`Prefer: wait` answers once it is): its workflow is blocked on the moderator's decision. */
async function parkedReport(): Promise<WorkflowHandle> {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const messageId = await platform.message(await platform.chat(reporter, reported), reported, 'hello');
  const filed = await platform.fileReportWaiting(10, reporter, 'chat_message', messageId).expect(202);
  expect(filed.body.status).toBe('awaiting_review');
  return t.temporal.workflow.getHandle(filed.body.workflowId);
}

test('by default the worker records no workflow stack traces, and the stack trace query says so', async () => {
  await startWorker();
  const handle = await parkedReport();
  await expect(handle.query('__stack_trace')).rejects.toThrow(/stack traces are not enabled/);
}, 60_000);

test('WORKER_WORKFLOW_STACK_TRACES=true: the stack trace query shows where the report waits', async () => {
  await startWorker({ WORKER_WORKFLOW_STACK_TRACES: 'true' });
  const handle = await parkedReport();
  expect(await handle.query<string>('__stack_trace')).toMatch(/reportLifecycleWorkflow/);
}, 60_000);
