/**
 * `npm run build && node dist/bench/queue-at-scale.js [--reports 10000]`: the moderation queue
 * with many reports awaiting review, without parking them through workflows first (the backlog
 * part files and parks about one report per second on the embedded FerretDB, so 10,000 take
 * hours). The reports and their change-feed entries are written directly, as the report store
 * would have; the API applies them, then pages are timed as the backlog part times them.
 * Prints figures, asserts nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Api, walkQueuePages } from './lib/api';
import { SeedDocument } from './lib/seed';
import { rssMb, startStack } from './lib/stack';
import { percentiles, timed } from './lib/stats';
import { errorStack } from '../src/common/error-text';

const log = (line: string) => process.stdout.write(`[queue-at-scale ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const REASONS = ['spam_advertising', 'abusive_hateful', 'illegal_content', 'other', 'fraud_scam'];
const REPORTS_PER_CASE = 3;

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--reports');
  const count = flag >= 0 ? Number(process.argv[flag + 1]) : 10_000;
  const stack = await startStack(log);
  try {
    const api = new Api(stack.apiUrl, stack.authorization);
    const db = stack.mongo.db();
    const apiIdleMb = await rssMb(stack.pids.api);
    const began = Date.now();
    for (let start = 0; start < count; start += 500) {
      const ids = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k);
      const at = (i: number) => new Date(began - 3_600_000 + i * 100);
      await db.collection<SeedDocument>('reports').insertMany(
        ids.map((i) => ({
          _id: `rpt_scale${i}`,
          reporterId: `rep-scale${i}`,
          reportedUserId: `usr-scale${Math.floor(i / REPORTS_PER_CASE)}`,
          target: { kind: 'open_chat_post', id: `post-scale${Math.floor(i / REPORTS_PER_CASE)}` },
          reasons: [REASONS[i % REASONS.length]],
          policyCategories: ['spam'],
          status: 'awaiting_review',
          workflowId: `report-rpt_scale${i}`,
          reviewOpenedAt: at(i),
          evidence: { evidenceSetId: `ev-scale${i}`, rootDigest: 'ab'.repeat(32), itemCount: 3 },
          timeline: { received: { at: at(i) }, review_opened: { at: at(i) } },
          createdAt: at(i),
          updatedAt: at(i),
        })),
      );
      // Dense feed positions from 0: nothing else has written to this fresh database's feed.
      await db
        .collection<SeedDocument>('queue_feed')
        .insertMany(
          ids.map((i) => ({ _id: `qf-${String(i).padStart(12, '0')}`, kind: 'report', id: `rpt_scale${i}`, at: new Date(), marker: 'review_opened' })),
        );
    }
    log(`wrote ${count} awaiting reports and their feed entries in ${Date.now() - began} ms`);
    while ((await reportsInQueue(api)) < count) await sleep(2_000);
    log(`the API's queue held all of them ${Date.now() - began} ms after the first was written`);
    await sleep(3_000);
    const [apiMb, workerMb] = await Promise.all([rssMb(stack.pids.api), rssMb(stack.pids.worker)]);
    const pages = await walkQueuePages(api, 200);
    const filtered: number[] = [];
    for (let i = 0; i < 50; i++)
      await timed(filtered, () => api.get(`/v1/moderation/queue?limit=20&targetKind=open_chat_post&reason=${REASONS[i % REASONS.length]}`));
    log(`queue, 200 pages walked with the cursor: ${JSON.stringify(percentiles(pages))}`);
    log(`queue, 50 pages filtered by kind and reason: ${JSON.stringify(percentiles(filtered))}`);
    log(`RSS: API ${apiIdleMb} MB idle, ${apiMb} MB holding ${count} reports; worker ${workerMb} MB`);
  } finally {
    await stack.stop();
  }
}

/** Walks the whole queue: the number of awaiting reports it lists. */
async function reportsInQueue(api: Api): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ reportCount: number }>; nextCursor: string | null } = await api.get(
      `/v1/moderation/queue?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    total += page.items.reduce((sum, item) => sum + item.reportCount, 0);
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

main().catch((error) => {
  process.stderr.write(`${errorStack(error)}\n`);
  process.exit(1);
});
