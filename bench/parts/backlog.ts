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
const SETTLE_MIN_MS = 60_000;
const SETTLE_MAX_MS = 180_000;
const SETTLE_WINDOW_MS = 30_000;
/** RSS that has fallen less than this over the last SETTLE_WINDOW_MS has stopped falling. */
const SETTLED_DROP_MB = 2;

/**
 * The worker's memory once parked reports are all it holds. Right after a burst its main-thread
 * heap still holds the burst's garbage and the room it grew (used ~60 of ~150 MB after 1,000
 * filings, ~130 of ~190 MB after 10,000) until V8's memory reducer collects and shrinks it, which
 * it does only once the process has been idle a while (30-60 s here); the heap's own figures do
 * not show when, so this watches RSS until it stops falling. Parked reports wait for hours, so
 * this is what a backlog costs at rest.
 */
async function settledWorkerMemory(pid: number, metricsUrl: string, log: (line: string) => void): Promise<BacklogResult['settled']> {
  const start = performance.now();
  const readings: number[] = [];
  const windowLength = SETTLE_WINDOW_MS / SETTLE_POLL_MS;
  for (;;) {
    readings.push(await rssMb(pid));
    const elapsedMs = performance.now() - start;
    const windowStart = readings[readings.length - 1 - windowLength];
    const stopped = elapsedMs >= SETTLE_MIN_MS && windowStart !== undefined && windowStart - readings[readings.length - 1] < SETTLED_DROP_MB;
    if (stopped || elapsedMs >= SETTLE_MAX_MS) {
      const afterSeconds = elapsedMs / 1000;
      const workerRssMb = readings[readings.length - 1];
      log(`  backlog: worker settled after ${afterSeconds.toFixed(0)} s idle: ${workerRssMb.toFixed(0)} MB`);
      return { afterSeconds, workerRssMb, workerHeap: await workerHeap(metricsUrl) };
    }
    await sleep(SETTLE_POLL_MS);
  }
}
