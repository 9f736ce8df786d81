import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/lib/local-servers';
import type { BacklogResult } from '../parts/backlog';
import type { EvidenceVerifyCost } from '../parts/evidence';
import type { HistoryCost } from '../parts/history';
import type { PairedLatency } from '../parts/paired-latency';
import type { ThroughputResult } from '../parts/lifecycle';
import { Percentiles, round } from './stats';
import { chartSvg } from './svg';
import type { BenchOptions, Part } from './args';
import type { CommandsPerItem } from './db-commands';
import type { WorkerHeap } from './worker-memory';

export interface BenchResults {
  label: string;
  startedAt: string;
  /** As parsed, with the set of parts as a list (JSON has no sets). */
  options: Omit<BenchOptions, 'parts'> & { parts: Part[] };
  /** The same-shape yardstick: the product's own workflows with no-op activities, driven by the API's calls. */
  baseline?: ThroughputResult;
  lifecycle?: ThroughputResult;
  /** Counted by the API and the worker over the lifecycle part. */
  databaseCommands?: CommandsPerItem;
  /**
   * Sampled during the throughput parts: filing (held with `Prefer: wait` until the review
   * opened) and approving while lifecycles run, raw start-and-wait and decide updates while the yardstick's run.
   */
  latency?: { fileUntilReview: Percentiles; approve: Percentiles; rawStart: Percentiles; rawDecide: Percentiles };
  /** Each API call and its raw Temporal counterpart back to back, under the same load. */
  pairedLatency?: PairedLatency;
  history?: HistoryCost[];
  backlog?: BacklogResult;
  evidence?: EvidenceVerifyCost[];
  targets?: Array<{ target: string; value: string; met: boolean }>;
  totalSeconds?: number;
}

/** The issue's targets, judged on this run; informational, the benchmark never fails on them. */
function judge(r: BenchResults): NonNullable<BenchResults['targets']> {
  const out: NonNullable<BenchResults['targets']> = [];
  if (r.lifecycle && r.baseline) {
    const ratio = r.lifecycle.perSecond / r.baseline.perSecond;
    out.push({ target: 'lifecycle throughput >= 0.7x same-shape baseline', value: `${round(ratio, 2)}x`, met: ratio >= 0.7 });
  }
  if (r.pairedLatency) {
    const ratio = r.pairedLatency.filingToStart.p99 / r.pairedLatency.rawStart.p99;
    out.push({ target: 'filing-to-start p99 <= 1.5x raw start p99', value: `${round(ratio, 2)}x`, met: ratio <= 1.5 });
  }
  if (r.history) {
    const [short, long] = r.history;
    const events = Math.max(...r.history.map((h) => h.events));
    out.push({ target: '<= 60 history events per lifecycle', value: String(events), met: events <= 60 });
    const growth = long.bytes / short.bytes - 1;
    out.push({
      target: `history bytes, ${long.messages} vs ${short.messages} messages, within 10%`,
      value: `${round(growth * 100)}%`,
      met: Math.abs(growth) <= 0.1,
    });
  }
  if (r.backlog) {
    // Judged at the peak: a burst of filings is when the worker holds the most.
    const { reports, peakWorkerRssMb, queue } = r.backlog;
    out.push({ target: `backlog peak worker RSS <= 300 MB with ${reports} parked`, value: `${round(peakWorkerRssMb)} MB`, met: peakWorkerRssMb <= 300 });
    out.push({ target: `queue p99 <= 50 ms with ${reports} parked`, value: `${round(queue.p99)} ms`, met: queue.p99 <= 50 });
  }
  return out;
}

export function formatTable(r: BenchResults): string {
  const rows: string[][] = [['measure', 'value']];
  const ms = (p: Percentiles) => `p50 ${round(p.p50)} / p95 ${round(p.p95)} / p99 ${round(p.p99)} ms (n=${p.count})`;
  const tput = (t: ThroughputResult) => `${round(t.perSecond, 2)}/s (${t.count} in ${round(t.seconds)} s, c=${t.concurrency})`;
  if (r.lifecycle || r.baseline)
    rows.push(['warm-up before the timed parts', `${r.options.warmup} lifecycles, ${r.options.warmup} same-shape workflows (untimed)`]);
  if (r.lifecycle) rows.push(['lifecycle throughput', tput(r.lifecycle)]);
  if (r.baseline) rows.push(['same-shape baseline throughput', tput(r.baseline)]);
  for (const [name, t] of [
    ['lifecycle', r.lifecycle],
    ['same-shape baseline', r.baseline],
  ] as const) {
    if (t?.cpuMsPerItem) rows.push([`CPU ms per ${name}`, cpuBreakdown(t.cpuMsPerItem)]);
  }
  if (r.lifecycle && r.baseline) rows.push(['lifecycle / same-shape baseline', `${round(r.lifecycle.perSecond / r.baseline.perSecond, 2)}x`]);
  const p = r.pairedLatency;
  if (p) {
    rows.push(['filing to recorded start, same load', ms(p.filingToStart)]);
    rows.push(['raw start to recorded start, same load', ms(p.rawStart)]);
    rows.push(['POST /v1/reports answer, same load', ms(p.fileAnswer)]);
    rows.push(['  from that answer to recorded start', ms(p.answerToStart)]);
    rows.push(['raw workflow.start answer, same load', ms(p.rawStartAnswer)]);
    rows.push(['POST /v1/reports/:id/approve, same load', ms(p.approve)]);
    rows.push(['raw decide update, same load', ms(p.rawDecide)]);
  }
  if (r.latency) {
    rows.push(['POST /v1/reports, Prefer: wait (until review), throughput parts', ms(r.latency.fileUntilReview)]);
    rows.push(['raw start with pastReceived update, throughput parts', ms(r.latency.rawStart)]);
    rows.push(['POST /v1/reports/:id/approve, throughput parts', ms(r.latency.approve)]);
    rows.push(['raw decide update, throughput parts', ms(r.latency.rawDecide)]);
  }
  for (const h of r.history ?? []) rows.push([`history, ${h.messages} messages`, `${h.events} events, ${h.bytes} bytes`]);
  const actions = r.history?.[0]?.actions;
  if (actions) {
    const kinds = (c: { byKind: Record<string, number> }) =>
      Object.entries(c.byKind)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ');
    rows.push([
      'Temporal actions per lifecycle',
      `${actions.total.total}: report workflow ${actions.report.total} (${kinds(actions.report)}); sanction workflow so far ${actions.sanction.total} (${kinds(actions.sanction)})`,
    ]);
  }
  if (r.databaseCommands) rows.push(...commandRows(r.databaseCommands));
  if (r.backlog) {
    const b = r.backlog;
    rows.push(['backlog parked', `${b.reports} reports: filing took ${round(b.fileSeconds)} s, all awaiting review after ${round(b.parkSeconds)} s`]);
    rows.push(['backlog worker RSS before it', `${round(b.workerRssIdleMb)} MB`]);
    const heap = (h?: WorkerHeap) => (h ? `; heap then ${round(h.heapUsedMb)} of ${round(h.heapTotalMb)} MB, external ${round(h.externalMb)} MB` : '');
    for (const point of b.points) {
      rows.push([
        `backlog of ${point.reports}: peak RSS, queue`,
        `worker ${round(point.peakWorkerRssMb)} MB, API ${round(point.peakApiRssMb)} MB${heap(point.workerHeap)}; queue ${ms(point.queue)}`,
      ]);
    }
    const [first, last] = [b.points[0], b.points[b.points.length - 1]];
    if (first !== last)
      rows.push([
        `backlog growth ${first.reports} -> ${last.reports}`,
        `peak worker RSS +${round(last.peakWorkerRssMb - first.peakWorkerRssMb)} MB, queue p99 ${round(first.queue.p99)} -> ${round(last.queue.p99)} ms`,
      ]);
  }
  for (const e of r.evidence ?? []) {
    rows.push([
      `evidence verify, ${e.messages} items`,
      `${ms(e.verify)}; chain alone ${round(e.chainMs)} ms; capture to review ${round(e.captureSeconds, 1)} s`,
    ]);
  }
  for (const t of r.targets ?? []) rows.push([`target: ${t.target}`, `${t.value} ${t.met ? 'met' : 'NOT met'}`]);
  if (r.totalSeconds) rows.push(['benchmark wall time', `${round(r.totalSeconds)} s`]);
  const width = Math.max(...rows.map((row) => row[0].length));
  return rows.map((row, i) => `${row[0].padEnd(width)}  ${row[1]}${i === 0 ? `\n${'-'.repeat(width)}  -----` : ''}`).join('\n');
}

function commandRows(c: CommandsPerItem): string[][] {
  const each = Object.entries(c.byCommand)
    .map(([command, n]) => `${command}: ${round(n, 1)}`)
    .join(', ');
  return [
    ['database commands per lifecycle', `${round(c.total, 1)} (${each})`],
    ['  of which', `API ${round(c.byProcess.api, 1)}, worker ${round(c.byProcess.worker, 1)}; idle rate taken out ${round(c.idlePerSecond, 1)}/s`],
  ];
}

function cpuBreakdown(perProcess: Record<string, number>): string {
  const total = Object.values(perProcess).reduce((a, b) => a + b, 0);
  return `${round(total)} total: ${Object.entries(perProcess)
    .map(([name, ms]) => `${name} ${round(ms)}`)
    .join(', ')}`;
}

/** Prints the table; writes `<label>.json` and `<label>.svg` (the latest run of that label). */
export async function writeResults(r: BenchResults): Promise<string[]> {
  r.targets = judge(r);
  process.stdout.write(`\n${formatTable(r)}\n\n`);
  const dir = join(repoRoot(), 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${r.label}.json`);
  const svg = join(dir, `${r.label}.svg`);
  await writeFile(json, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(svg, chartSvg(r));
  return [json, svg].map((file) => file.slice(repoRoot().length + 1));
}
