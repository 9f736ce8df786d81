import { WorkflowClient } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { Api, fileReport } from '../lib/api';
import { seedChats } from '../lib/seed';
import { runPool, timed } from '../lib/stats';
import { approve, startAndAwaitReview } from '../baseline/same-shape';
import { reportWorkflowId } from '../../workflows/definitions';

export interface ThroughputResult {
  count: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  /** CPU milliseconds per item, by process (this benchmark's own process is `client`). */
  cpuMsPerItem?: Record<string, number>;
}

export interface LifecycleSamples {
  /** Filing with `Prefer: wait`: until the review has opened. */
  fileUntilReview: number[];
  approve: number[];
}

/** How long a lifecycle's filing asks to be held for the review to open (`Prefer: wait`). */
export const FILING_WAIT_SECONDS = 10;

/**
 * N full lifecycles by C concurrent clients, the way app backends and moderators drive them:
 * the report (answered once its review opened, with `Prefer: wait`; polled for only if the wait
 * ran out), a moderator's approval once it awaits review; timed from filing until every
 * workflow has completed (block, sanction and CS notice included). The users, chats and
 * messages are written before the clock starts, as the baseline has no such set-up either.
 */
export async function lifecycleThroughput(
  api: Api,
  mongo: MongoClient,
  workflows: WorkflowClient,
  runId: string,
  n: number,
  c: number,
  samples?: LifecycleSamples,
): Promise<ThroughputResult> {
  const chats = await seedChats(mongo, `${runId}-l`, n);
  const start = performance.now();
  await runPool(n, c, async (i) => {
    const filed = await timed(samples?.fileUntilReview ?? [], () => fileReport(api, chats[i].reporterId, chats[i].messageId, FILING_WAIT_SECONDS));
    if (filed.status !== 'awaiting_review') await api.awaitStatus(filed.reportId, 'awaiting_review');
    await timed(samples?.approve ?? [], () => api.post(`/v1/reports/${filed.reportId}/approve`, {}, 200));
    await workflows.getHandle(filed.workflowId).result();
  });
  return throughput(n, c, start);
}

export interface BaselineSamples {
  /** Start with the `pastReceived` update, until the review opened (the API's `Prefer: wait`). */
  start: number[];
  /** The `decide` update (the API's approval). */
  decide: number[];
}

/**
 * The same number of the product's own workflows at the same concurrency on the yardstick's
 * worker (no-op steps), driven by the same calls the API makes: start with the `pastReceived`
 * update, the `decide` update, then the result.
 */
export async function baselineThroughput(workflows: WorkflowClient, runId: string, n: number, c: number, samples?: BaselineSamples): Promise<ThroughputResult> {
  const start = performance.now();
  await runPool(n, c, async (i) => {
    const id = `rpt_same${runId}${i}`;
    await timed(samples?.start ?? [], () => startAndAwaitReview(workflows, id));
    await timed(samples?.decide ?? [], () => approve(workflows, reportWorkflowId(id)));
    await workflows.getHandle(reportWorkflowId(id)).result();
  });
  return throughput(n, c, start);
}

function throughput(count: number, concurrency: number, startedAt: number): ThroughputResult {
  const seconds = (performance.now() - startedAt) / 1000;
  return { count, concurrency, seconds, perSecond: count / seconds };
}
