import { WorkflowClient } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, fileReport, walkQueuePages } from '../lib/api';
import { seedChats } from '../lib/seed';
import { rssMb } from '../lib/stack';
import { WorkerHeap, workerHeap } from '../lib/worker-memory';
import { Percentiles, percentiles, runPool } from '../lib/stats';

export interface BacklogResult {
  reports: number;
  fileSeconds: number;
  parkSeconds: number;
  workerRssIdleMb: number;
  /** Read 5 s after the last report was parked: the burst's heap room still held. */
  workerRssMb: number;
  /** The worker's main-thread heap and external memory when its RSS was read. */
  workerHeap?: WorkerHeap;
  /** Once the worker had been idle long enough for V8 to give the burst's heap back (not in --quick). */
  settled?: { afterSeconds: number; workerRssMb: number; workerHeap?: WorkerHeap };
  apiRssMb: number;
  queue: Percentiles;
}

/**
 * `count` reports parked awaiting review, nobody deciding: the memory they cost the worker and
 * the API, and how fast moderators can page through the queue meanwhile.
 */
export async function backlog(
  api: Api,
  mongo: MongoClient,
  workflows: WorkflowClient,
  pids: { api: number; worker: number },
  workerMetricsUrl: string,
  runId: string,
  count: number,
  concurrency: number,
  queueRequests: number,
  settle: boolean,
  log: (line: string) => void,
): Promise<BacklogResult> {
  const workerRssIdleMb = await rssMb(pids.worker);
  const targets = await seedChats(mongo, runId, count);
  // Counted in Temporal's visibility store: polling adds no load to the database being measured.
  const parked = async () => (await workflows.count(`ReportStatus = 'awaiting_review'`)).count;
  const parkedBefore = await parked();
  const start = performance.now();
  let filed = 0;
  await runPool(count, concurrency, async (i) => {
    await fileReport(api, targets[i].reporterId, targets[i].messageId);
    if (++filed % 1000 === 0) log(`  backlog: ${filed}/${count} filed (${((performance.now() - start) / 1000).toFixed(0)} s)`);
  });
  const fileSeconds = (performance.now() - start) / 1000;
  while ((await parked()) < parkedBefore + count) await sleep(1_000);
  const parkSeconds = (performance.now() - start) / 1000;
  // Let the worker settle (sticky-cache evictions, GC) before reading memory.
  await sleep(Math.min(5_000, count * 10));
  const [workerRssMb, apiRssMb, heap] = await Promise.all([rssMb(pids.worker), rssMb(pids.api), workerHeap(workerMetricsUrl)]);
  const settled = settle ? await settledWorkerMemory(pids.worker, workerMetricsUrl, log) : undefined;

  const samples = await walkQueuePages(api, queueRequests);
  return { reports: count, fileSeconds, parkSeconds, workerRssIdleMb, workerRssMb, workerHeap: heap, settled, apiRssMb, queue: percentiles(samples) };
}

const SETTLE_POLL_MS = 5_000;
const SETTLE_MAX_MS = 120_000;

/**
 * The worker's memory once parked reports are all it holds. Right after a burst its main-thread
 * heap keeps the room the burst grew (used ~60 MB of ~150 MB after 1,000 filings) until V8's
 * memory reducer shrinks it, which it does once the process has been idle a while (30-60 s here).
 * Parked reports wait for hours, so this is what a backlog costs at rest.
 */
async function settledWorkerMemory(pid: number, metricsUrl: string, log: (line: string) => void): Promise<BacklogResult['settled']> {
  const start = performance.now();
  for (;;) {
    const heap = await workerHeap(metricsUrl);
    const afterSeconds = (performance.now() - start) / 1000;
    const shrunk = heap !== undefined && heap.heapTotalMb <= heap.heapUsedMb * 1.5;
    if (shrunk || afterSeconds * 1000 >= SETTLE_MAX_MS || !heap) {
      const workerRssMb = await rssMb(pid);
      log(`  backlog: worker settled after ${afterSeconds.toFixed(0)} s idle: ${workerRssMb.toFixed(0)} MB`);
      return { afterSeconds, workerRssMb, workerHeap: heap };
    }
    await sleep(SETTLE_POLL_MS);
  }
}
