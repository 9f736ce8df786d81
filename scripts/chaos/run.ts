/**
 * `npm run chaos [-- --reports N]`: files N reports across the three target kinds and decides
 * them while the worker is killed with SIGKILL at random moments, the database is restarted
 * once and the Temporal server once (its data file persists). Then it counts, in Mongo and
 * Temporal, that every report is final and every side effect happened exactly once.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChaosCluster } from './cluster';
import { throwAwayServiceAuth } from '../lib/service-token';
import { call, useAuthorization } from './http';
import { verify } from './verify';
import { fileAndDecide, prepare } from './workload';
import { errorStack } from '../../src/common/error-text';

const FINAL_WAIT_MS = 5 * 60_000;
const CONCURRENCY = 8;

async function main(): Promise<void> {
  const count = Number(argument('--reports') ?? 100);
  const dir = await mkdtemp(join(tmpdir(), 'report-chaos-'));
  const cluster = new ChaosCluster(dir);
  const say = (message: string) => process.stdout.write(`[chaos] ${message}\n`);
  say(`${count} reports; servers and logs in ${dir}`);
  useAuthorization(await throwAwayServiceAuth('chaos-mod'));
  await cluster.start();
  const started = Date.now();
  try {
    const plans = await inParallel(count, (i) => prepare(cluster.apiUrl, i));
    const chaos = { stop: false, kills: 0, drains: 0, dbRestarts: 0, temporalRestarts: 0 };
    const disruption = disrupt(cluster, chaos, say);
    const filed = await inParallel(count, (i) => fileAndDecide(cluster.apiUrl, plans[i]));
    const reportIds = filed.filter((id): id is string => id !== null);
    chaos.stop = true;
    await disruption;
    say(`all filed and decided; waiting for every report to finish`);
    await waitUntilFinal(cluster.apiUrl, reportIds);
    const tally = await verify(cluster.mongoUrl, cluster.temporalAddress, cluster.taskQueue, plans, filed);
    const mismatches = Object.entries(tally).filter(([, t]) => t.expected !== t.found);
    say(
      `done in ${((Date.now() - started) / 1000).toFixed(0)} s: worker kills (SIGKILL) ${chaos.kills}, graceful worker stops (SIGTERM) ${chaos.drains}, database restarts ${chaos.dbRestarts}, Temporal restarts ${chaos.temporalRestarts}`,
    );
    for (const [check, t] of Object.entries(tally)) say(`${check.padEnd(36)} expected ${String(t.expected).padStart(5)}  found ${String(t.found).padStart(5)}`);
    say(`duplicates or gaps found: ${mismatches.length}`);
    process.exitCode = mismatches.length === 0 ? 0 : 1;
  } finally {
    await cluster.stop();
  }
}

type ChaosState = { stop: boolean; kills: number; drains: number; dbRestarts: number; temporalRestarts: number };

const DB_RESTART_ROUND = 2;
const TEMPORAL_RESTART_ROUND = 4;

/**
 * Stops the worker every few seconds, mostly with SIGKILL and every third time with SIGTERM
 * (a graceful drain); restarts the database, then Temporal, once each early on. Goes on until
 * both restarts happened, even when every report was filed and decided sooner.
 */
async function disrupt(cluster: ChaosCluster, chaos: ChaosState, say: (m: string) => void) {
  for (let round = 1; !chaos.stop || round <= TEMPORAL_RESTART_ROUND; round++) {
    await sleep(1_000 + Math.random() * 2_500);
    const graceful = round % 3 === 0;
    await cluster.stopWorker(graceful ? 'SIGTERM' : 'SIGKILL');
    if (graceful) chaos.drains++;
    else chaos.kills++;
    if (round === DB_RESTART_ROUND) {
      say('restarting the database');
      await cluster.restartDb();
      chaos.dbRestarts++;
    }
    if (round === TEMPORAL_RESTART_ROUND) {
      say('restarting the Temporal server');
      await cluster.restartTemporal();
      chaos.temporalRestarts++;
    }
    await sleep(200 + Math.random() * 1_000);
    await cluster.startWorker();
  }
}

async function waitUntilFinal(api: string, reportIds: string[]): Promise<void> {
  const deadline = Date.now() + FINAL_WAIT_MS;
  const pending = new Set(reportIds);
  while (pending.size > 0 && Date.now() < deadline) {
    for (const id of [...pending]) {
      const report = (await call<{ timeline?: Array<{ step: string }> } | null>(api, 'GET', `/v1/reports/${id}`)).body;
      const finished = report?.timeline?.some((s) => s.step === 'cs_notified');
      if (finished) pending.delete(id);
    }
    if (pending.size > 0) await sleep(1_000);
  }
}

async function inParallel<T>(count: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, lane));
  return results;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

main().catch((error) => {
  process.stderr.write(`[chaos] failed: ${errorStack(error)}\n`);
  process.exit(1);
});
