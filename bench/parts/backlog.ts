import { WorkflowClient } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, fileReport, walkQueuePages } from '../lib/api';
import { seedChats } from '../lib/seed';
import { rssMb } from '../lib/stack';
import { WorkerHeap, workerHeap } from '../lib/worker-memory';
import { Percentiles, percentiles, runPool } from '../lib/stats';

/** The backlog as it stood once `reports` were parked. */
export interface BacklogPoint {
  reports: number;
  /** Seconds from the first filing until all of them awaited review (queue walks of earlier steps included). */
  parkSeconds: number;
  /** Highest worker RSS sampled so far (every RSS_SAMPLE_MS, while filing and parking). */
  peakWorkerRssMb: number;
  peakApiRssMb: number;
  /** The worker's main-thread heap and external memory once they were parked. */
  workerHeap?: WorkerHeap;
  queue: Percentiles;
}

export interface BacklogResult {
  reports: number;
  /** Seconds spent filing, all steps together. */
  fileSeconds: number;
  parkSeconds: number;
  workerRssIdleMb: number;
  peakWorkerRssMb: number;
  peakApiRssMb: number;
  queue: Percentiles;
  /** The same figures at each step on the way (a tenth, half, all), to show how they grow. */
  points: BacklogPoint[];
}

const RSS_SAMPLE_MS = 250;

/**
 * `count` reports parked awaiting review, nobody deciding, filed in steps (a tenth, half, all):
 * the memory they cost the worker and the API at its peak (sampled throughout, the burst
 * included), and how fast moderators can page through the queue once each step is parked.
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
  log: (line: string) => void,
): Promise<BacklogResult> {
  const workerRssIdleMb = await rssMb(pids.worker);
  const targets = await seedChats(mongo, runId, count);
  // Counted in Temporal's visibility store: polling adds no load to the database being measured.
  const parked = async () => (await workflows.count(`ReportStatus = 'awaiting_review'`)).count;
  const parkedBefore = await parked();
  const peak = { worker: workerRssIdleMb, api: await rssMb(pids.api) };
  const sampler = setInterval(() => {
    void Promise.all([rssMb(pids.worker), rssMb(pids.api)]).then(([worker, apiMb]) => {
      peak.worker = Math.max(peak.worker, worker || 0);
      peak.api = Math.max(peak.api, apiMb || 0);
    });
  }, RSS_SAMPLE_MS);
  const start = performance.now();
  let filed = 0;
  let fileSeconds = 0;
  const points: BacklogPoint[] = [];
  try {
    for (const step of backlogSteps(count)) {
      const offset = filed;
      const filingStart = performance.now();
      await runPool(step - offset, concurrency, async (i) => {
        await fileReport(api, targets[offset + i].reporterId, targets[offset + i].messageId);
        if (++filed % 1000 === 0) log(`  backlog: ${filed}/${count} filed (${((performance.now() - start) / 1000).toFixed(0)} s)`);
      });
      fileSeconds += (performance.now() - filingStart) / 1000;
      while ((await parked()) < parkedBefore + step) await sleep(1_000);
      const parkSeconds = (performance.now() - start) / 1000;
      const heap = await workerHeap(workerMetricsUrl);
      const queue = percentiles(await walkQueuePages(api, queueRequests));
      points.push({ reports: step, parkSeconds, peakWorkerRssMb: peak.worker, peakApiRssMb: peak.api, workerHeap: heap, queue });
      log(`  backlog: ${step} parked after ${parkSeconds.toFixed(0)} s; peak worker RSS ${peak.worker.toFixed(0)} MB, queue p99 ${queue.p99.toFixed(1)} ms`);
    }
  } finally {
    clearInterval(sampler);
  }
  const last = points[points.length - 1];
  return {
    reports: count,
    fileSeconds,
    parkSeconds: last.parkSeconds,
    workerRssIdleMb,
    peakWorkerRssMb: last.peakWorkerRssMb,
    peakApiRssMb: last.peakApiRssMb,
    queue: last.queue,
    points,
  };
}

/** Cumulative counts the backlog is measured at: a tenth, half and all of it (fewer when small). */
export function backlogSteps(count: number): number[] {
  return [...new Set([Math.ceil(count / 10), Math.ceil(count / 2), count])];
}
