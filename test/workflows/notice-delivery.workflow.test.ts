import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import type { NoticeDeliveryActivities } from '../../activities/notice-delivery.activities';
import { NoticeDeliveryInput, NoticeDeliveryResult, noticeDeliveryWorkflowId } from '../../workflows/notice-delivery.definitions';
import { testServers } from '../support/test-env';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: testServers().timeSkippingServerPath } },
  });
});

afterAll(async () => {
  await env?.teardown();
});

/** Runs one delivery workflow whose POST fails `failures` times (or with `failure`), recording the calls. */
async function deliver(options: { failures: number; maxAttempts?: number; failure?: ApplicationFailure }) {
  const calls: string[] = [];
  let attempts = 0;
  const activities: NoticeDeliveryActivities = {
    deliverNotice: async () => {
      attempts += 1;
      calls.push(`deliverNotice#${attempts}`);
      if (options.failure) throw options.failure;
      if (attempts <= options.failures) throw ApplicationFailure.retryable('receiver answered 500', 'NoticeNotAccepted');
      return { attempt: attempts, httpStatus: 204 };
    },
    recordNoticeUndeliverable: async ({ reason }) => {
      calls.push(`recordNoticeUndeliverable:${reason}`);
    },
  };
  const taskQueue = `notice-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    activities,
    workflowBundle: { codePath: testServers().workflowBundlePath },
  });
  const noticeId = `report_received-rpt_${randomUUID().slice(0, 8)}`;
  const input: NoticeDeliveryInput = {
    noticeId,
    maxAttempts: options.maxAttempts ?? 10,
    initialIntervalMs: 200,
    maximumIntervalMs: 1_000,
    attemptTimeoutMs: 10_000,
  };
  return worker.runUntil(async () => {
    const handle = await env.client.workflow.start('deliverNoticeWorkflow', { taskQueue, workflowId: noticeDeliveryWorkflowId(noticeId), args: [input] });
    const result: NoticeDeliveryResult = await handle.result();
    return { result, calls, noticeId };
  });
}

describe('notice delivery workflow (time-skipping server)', () => {
  test('a receiver that fails twice gets the notice on the third attempt; nothing is given up', async () => {
    const { result, calls, noticeId } = await deliver({ failures: 2 });
    expect(result).toEqual({ noticeId, delivered: true });
    expect(calls).toEqual(['deliverNotice#1', 'deliverNotice#2', 'deliverNotice#3']);
  });

  test('after the maximum number of attempts the delivery is recorded as given up', async () => {
    const { result, calls, noticeId } = await deliver({ failures: Infinity, maxAttempts: 3 });
    expect(result).toEqual({ noticeId, delivered: false });
    expect(calls).toEqual(['deliverNotice#1', 'deliverNotice#2', 'deliverNotice#3', 'recordNoticeUndeliverable:receiver answered 500']);
  });

  test('a notice that does not exist is not retried', async () => {
    const failure = ApplicationFailure.nonRetryable('notice x does not exist', 'NoticeNotFound');
    const { result, calls } = await deliver({ failures: 0, failure });
    expect(result.delivered).toBe(false);
    expect(calls).toEqual(['deliverNotice#1', 'recordNoticeUndeliverable:notice x does not exist']);
  });
});
