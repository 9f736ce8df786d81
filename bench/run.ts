/**
 * `npm run bench`: the report lifecycle against its own workflows with no-op steps on the embedded default
 * (Temporal dev server + FerretDB), with the API and workers as child processes.
 * Prints a table and writes JSON and an SVG chart under bench/results/. Asserts nothing.
 */
import { randomUUID } from 'node:crypto';
import { Api } from './lib/api';
import { parseArgs } from './lib/args';
import { BenchResults, writeResults } from './lib/report';
import { cpuPerItem } from './lib/cpu';
import { DatabaseCommands } from './lib/db-commands';
import { Stack, startStack } from './lib/stack';
import { percentiles } from './lib/stats';
import { backlog } from './parts/backlog';
import { evidenceVerifyCost } from './parts/evidence';
import { historyCost } from './parts/history';
import { pairedLatency } from './parts/paired-latency';
import { BaselineSamples, LifecycleSamples, ThroughputResult, baselineThroughput, lifecycleThroughput } from './parts/lifecycle';
import { errorStack } from '../src/common/error-text';

const began = Date.now();
const log = (line: string) => process.stdout.write(`[bench +${Math.round((Date.now() - began) / 1000)}s] ${line}\n`);

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // The worker keeps at most this many messages as evidence; the evidence part needs them all.
  if (options.parts.has('evidence')) process.env.EVIDENCE_MAX_MESSAGES ??= String(Math.max(1000, ...options.evidenceSizes));
  const stack = await startStack(log);
  const api = new Api(stack.apiUrl, stack.authorization);
  const workflows = stack.temporal.workflow;
  const runId = randomUUID().slice(0, 8);
  const results: BenchResults = { label: options.label, startedAt: new Date(began).toISOString(), options: { ...options, parts: [...options.parts] } };
  try {
    const { warmup } = options;
    const warmupClients = Math.min(warmup, options.c);
    if (options.parts.has('baseline') || options.parts.has('lifecycle')) {
      log(`warm-up (untimed): ${warmup} lifecycles and ${warmup} same-shape workflows, ${warmupClients} concurrent clients`);
      await lifecycleThroughput(api, stack.mongo, workflows, `${runId}-warm`, warmup, warmupClients);
      await baselineThroughput(workflows, `${runId}-warm`, warmup, warmupClients);
    }
    const raw: BaselineSamples = { start: [], decide: [] };
    const product: LifecycleSamples = { fileUntilReview: [], approve: [] };
    if (options.parts.has('baseline')) {
      log(`same-shape baseline: ${options.n} of the product's workflows with no-op steps, ${options.c} concurrent clients`);
      results.baseline = await withCpu(stack, 'baselineWorker', options.n, () => baselineThroughput(workflows, runId, options.n, options.c, raw));
    }
    if (options.parts.has('lifecycle')) {
      const commands = new DatabaseCommands(`${stack.apiUrl}/metrics`, stack.authorization, stack.workerMetricsUrl);
      log(`database commands: ${options.quick ? 3 : 10} s idle, then counted over the lifecycle part`);
      await commands.measureIdle(options.quick ? 3_000 : 10_000);
      log(`lifecycle: ${options.n} lifecycles, ${options.c} concurrent clients`);
      await commands.begin();
      results.lifecycle = await withCpu(stack, 'worker', options.n, () =>
        lifecycleThroughput(api, stack.mongo, workflows, runId, options.n, options.c, product),
      );
      results.databaseCommands = await commands.perItem(options.n);
    }
    if (options.parts.has('latency')) {
      results.latency = {
        fileUntilReview: percentiles(product.fileUntilReview),
        approve: percentiles(product.approve),
        rawStart: percentiles(raw.start),
        rawDecide: percentiles(raw.decide),
      };
      log(`latency: ${options.n} reports and ${options.n} same-shape workflows side by side, ${options.c} concurrent clients`);
      results.pairedLatency = await pairedLatency(api, stack.mongo, workflows, runId, options.n, options.c);
    }
    if (options.parts.has('backlog')) {
      log(`backlog: ${options.backlog} reports parked awaiting review`);
      results.backlog = await backlog(
        api,
        stack.mongo,
        workflows,
        stack.pids,
        stack.workerMetricsUrl,
        runId,
        options.backlog,
        Math.max(options.c, 10),
        options.queueRequests,
        log,
      );
    }
    if (options.parts.has('history')) {
      log(`history: conversations of 10 and ${options.longConversation} messages`);
      results.history = [
        await historyCost(api, workflows, stack.mongo, runId, 10),
        await historyCost(api, workflows, stack.mongo, runId, options.longConversation),
      ];
    }
    if (options.parts.has('evidence')) {
      results.evidence = [];
      for (const size of options.evidenceSizes) {
        log(`evidence: capture and verify a conversation of ${size} messages`);
        results.evidence.push(await evidenceVerifyCost(api, stack.mongo, runId, size, options.quick ? 3 : 5));
      }
    }
  } finally {
    await stack.stop();
  }
  results.totalSeconds = (Date.now() - began) / 1000;
  const files = await writeResults(results);
  log(`wrote ${files.join(', ')}`);
}

/** A throughput part with the CPU each process spent per item while it ran. */
async function withCpu(stack: Stack, worker: 'worker' | 'baselineWorker', n: number, part: () => Promise<ThroughputResult>): Promise<ThroughputResult> {
  const { pids } = stack;
  let result!: ThroughputResult;
  const pidsOf = { client: process.pid, api: pids.api, worker: pids[worker], temporal: pids.temporal, ferretdb: pids.ferretdb };
  const cpuMsPerItem = await cpuPerItem(pidsOf, n, async () => void (result = await part()));
  return { ...result, cpuMsPerItem };
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${errorStack(error)}\n`);
  process.exit(1);
});
