/**
 * `npm run chaos [-- --reports N] [--seed S] [--kills K] [--broken]`: files N reports (200 by
 * default) across the three target kinds and decides them while, one at a time and with the
 * others up, the worker, the API, FerretDB and the Temporal dev server are each killed with
 * SIGKILL K times (2 by default) at seeded random moments and started again on the same data.
 * Filing and deciding go on through every round. Then every report is checked against the
 * workload's plan (invariants.ts); any violation, or a kill that hit no work in flight, fails
 * the run. `--broken` runs the worker with a deliberately broken activity (broken-worker.ts),
 * which the checks must catch.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { COMPONENTS, ChaosCluster, Component } from './cluster';
import { throwAwayServiceAuth } from '../lib/service-token';
import { useAuthorization } from './http';
import { verify } from './verify';
import { PlannedReport, Progress, fileAndDecide, prepare } from './workload';
import { errorStack } from '../../src/common/error-text';

const FINAL_WAIT_MS = 5 * 60_000;
const CONCURRENCY = 8;
/** Filers and moderators at once: each spends most of its time reading, and a decision waits for its workflow. */
const WORKLOAD_LANES = 16;

interface Kill {
  component: Component;
  inFlight: number;
}

async function main(): Promise<void> {
  const count = Number(argument('--reports') ?? 200);
  const seed = Number(argument('--seed') ?? Math.floor(Math.random() * 2 ** 31));
  // Each component at least twice; a run too small to give every round a report kills each once.
  const killsEach = Number(argument('--kills') ?? (count >= 2 * COMPONENTS.length ? 2 : 1));
  const broken = process.argv.includes('--broken');
  const random = seeded(seed);
  const dir = await mkdtemp(join(tmpdir(), 'report-chaos-'));
  const cluster = new ChaosCluster(dir, broken ? join('scripts', 'chaos', 'broken-worker.js') : undefined);
  const say = (message: string) => process.stdout.write(`[chaos] ${message}\n`);
  say(`${count} reports, seed ${seed} (repeat with --seed ${seed})${broken ? ', broken worker' : ''}; servers and logs in ${dir}`);
  useAuthorization(await throwAwayServiceAuth('chaos-mod'));
  await cluster.start();
  const started = Date.now();
  const mongo = new MongoClient(cluster.mongoUrl, { serverSelectionTimeoutMS: 5_000 });
  try {
    // Drawn up front, in order: the lanes below prepare in whatever order they get to.
    const readingTimes = Array.from({ length: count }, () => random());
    const plans = await inParallel(CONCURRENCY, count, (i) => prepare(cluster.apiUrl, i, readingTimes[i]));
    const progress: Progress[] = plans.map(() => ({ sent: false, settled: false }));
    const schedule = shuffled(
      COMPONENTS.flatMap((c) => Array.from({ length: killsEach }, () => c)),
      random,
    );
    const released = { upTo: 0 };
    const workload = inParallel(WORKLOAD_LANES, count, async (i) => {
      while (i >= released.upTo) await sleep(50);
      await fileAndDecide(cluster.apiUrl, plans[i], progress[i]);
    });
    // Awaited after the last round; until then a failed filing must not end the process unhandled.
    workload.catch(() => undefined);
    const sent = () => progress.filter((p) => p.sent).length;
    const finished = new Set<number>();
    const inFlight = async () => {
      await refreshFinished(mongo, plans, progress, finished);
      return progress.filter((p, i) => p.sent && !finished.has(i)).length;
    };
    const kills: Kill[] = [];
    let ownExits = 0;
    let lostOnRestart = 0;
    for (const [round, component] of schedule.entries()) {
      // This round's share is released; the kill comes at a random moment once half of it is under way.
      released.upTo = Math.ceil(((round + 1) * count) / schedule.length);
      await until(() => sent() >= Math.ceil(((round + 0.5) * count) / schedule.length));
      await sleep(random() * 1_500);
      for (const crashed of cluster.exitedOnTheirOwn()) {
        say(`${crashed} exited on its own (see ${cluster.logFile(crashed)}); starting it again`);
        ownExits++;
        cluster.forget(crashed);
        await cluster.startComponent(crashed);
      }
      const kill = { component, inFlight: await inFlight() };
      // A small run's share may all be done by then: the next filing is let go early, and waited for.
      for (const deadline = Date.now() + 10_000; kill.inFlight === 0 && Date.now() < deadline; kill.inFlight = await inFlight()) {
        if (sent() >= released.upTo && released.upTo < count) released.upTo++;
        await sleep(100);
      }
      kills.push(kill);
      const before = await storedRecords(cluster, mongo, component);
      await cluster.kill(component);
      const outageMs = 500 + random() * 2_500;
      await sleep(outageMs);
      await cluster.startComponent(component);
      const after = await storedRecords(cluster, mongo, component);
      if (before !== undefined && after !== undefined && after < before) lostOnRestart++;
      const kept = before === undefined ? '' : `; records ${before} before the kill, ${after} after the restart`;
      say(
        `round ${round + 1}/${schedule.length}: kill -9 ${component} with ${kill.inFlight} reports in flight, down ${(outageMs / 1000).toFixed(1)} s, restarted${kept}`,
      );
    }
    released.upTo = count;
    await workload;
    say('all filed and decided; waiting for every report to finish');
    await waitUntilFinal(mongo, plans, progress, finished);
    const violations = await verify(cluster.mongoUrl, cluster.temporalAddress, plans);

    say(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; Temporal data file ${cluster.temporalDbFile} kept across its restarts`);
    for (const component of COMPONENTS) {
      const mine = kills.filter((k) => k.component === component);
      say(`kill -9 ${component}: ${mine.length} times, ${mine.reduce((sum, k) => sum + k.inFlight, 0)} reports in flight`);
    }
    say(`start sweep: ${await sweptStarts(cluster.logFile('api'))} workflow(s) started for reports whose start after filing was lost`);
    const idle = kills.filter((k) => k.inFlight === 0);
    for (const k of idle) say(`FAIL: a kill -9 of ${k.component} hit no work in flight`);
    if (ownExits > 0) say(`FAIL: ${ownExits} component exit(s) the run did not cause`);
    if (lostOnRestart > 0) say(`FAIL: ${lostOnRestart} restart(s) of a store came back with fewer records than it had`);
    for (const v of violations) say(`violation: report ${v.subject} (reporter ${plans[v.index].reporterId}): ${v.problem}`);
    const failedReports = new Set(violations.map((v) => v.subject));
    say(
      `planned reports ${plans.length} (${plans.filter((p) => !p.friends).length} admitted, ${plans.filter((p) => p.friends).length} refused (R4)); violations ${violations.length} in ${failedReports.size} reports`,
    );
    process.exitCode = violations.length === 0 && idle.length === 0 && ownExits === 0 && lostOnRestart === 0 ? 0 : 1;
  } finally {
    await mongo.close();
    await cluster.stop();
  }
}

/**
 * What a store must still hold after its kill -9 and restart on the same data: FerretDB its
 * reports, the Temporal dev server (its SQLite file) the run's workflows. Undefined for the
 * API and the worker, which hold nothing.
 */
async function storedRecords(cluster: ChaosCluster, mongo: MongoClient, component: Component): Promise<number | undefined> {
  if (component === 'ferretdb') return mongo.db().collection('reports').countDocuments();
  if (component !== 'temporal') return undefined;
  const connection = await Connection.connect({ address: cluster.temporalAddress });
  try {
    return (await new Client({ connection }).workflow.count(`TaskQueue="${cluster.taskQueue}"`)).count;
  } finally {
    await connection.close();
  }
}

/** Marks as finished the refused filings the workload is done with and the reports that reached their last step (R9 follow-up). */
async function refreshFinished(mongo: MongoClient, plans: PlannedReport[], progress: Progress[], finished: Set<number>): Promise<void> {
  plans.forEach((plan, i) => plan.friends && progress[i].settled && finished.add(i));
  const done = await mongo
    .db()
    .collection('reports')
    .find({ 'timeline.cs_notified': { $exists: true } }, { projection: { reporterId: 1 } })
    .toArray();
  const byReporter = new Map(plans.map((plan, i) => [plan.reporterId, i]));
  for (const report of done) {
    const i = byReporter.get(String(report.reporterId));
    if (i !== undefined) finished.add(i);
  }
}

async function waitUntilFinal(mongo: MongoClient, plans: PlannedReport[], progress: Progress[], finished: Set<number>): Promise<void> {
  const deadline = Date.now() + FINAL_WAIT_MS;
  while (finished.size < plans.length && Date.now() < deadline) {
    await refreshFinished(mongo, plans, progress, finished).catch(() => undefined);
    if (finished.size < plans.length) await sleep(1_000);
  }
}

/** What the API's start sweep logged it started (each line names how many). */
async function sweptStarts(apiLog: string): Promise<number> {
  const log = await readFile(apiLog, 'utf8').catch(() => '');
  return [...log.matchAll(/started (\d+) report workflows whose start after filing had not happened/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** mulberry32: the same seed gives the same schedule, outages and reading times. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition() && Date.now() < deadline;) await sleep(50);
}

async function inParallel<T>(lanes: number, count: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, count) }, lane));
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
