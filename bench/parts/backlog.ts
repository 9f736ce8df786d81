import { WorkflowClient } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, fileReport, walkQueuePages } from '../lib/api';
import { seedChats } from '../lib/seed';
import { rssMb } from '../lib/stack';
import { Percentiles, percentiles, runPool } from '../lib/stats';

export interface BacklogResult {
  reports: number;
  fileSeconds: number;
  parkSeconds: number;
  workerRssIdleMb: number;
  workerRssMb: number;
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
  const [workerRssMb, apiRssMb] = await Promise.all([rssMb(pids.worker), rssMb(pids.api)]);

  const samples = await walkQueuePages(api, queueRequests);
  return { reports: count, fileSeconds, parkSeconds, workerRssIdleMb, workerRssMb, apiRssMb, queue: percentiles(samples) };
}
