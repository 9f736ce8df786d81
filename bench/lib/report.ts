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
import type { WorkerHeap } from './worker-memory';

export interface BenchResults {
  label: string;
  startedAt: string;
  /** As parsed, with the set of parts as a list (JSON has no sets). */
  options: Omit<BenchOptions, 'parts'> & { parts: Part[] };
  /** The same-shape yardstick: the product's own workflows with no-op activities, driven by the API's calls. */
  baseline?: ThroughputResult;
  lifecycle?: ThroughputResult;
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
    // Judged at rest (parked reports wait for hours); right after the burst without --quick's settling.
    const rss = r.backlog.settled?.workerRssMb ?? r.backlog.workerRssMb;
    const when = r.backlog.settled ? 'settled' : 'right after parking';
    out.push({ target: `worker RSS <= 300 MB with ${r.backlog.reports} parked (${when})`, value: `${round(rss)} MB`, met: rss <= 300 });
    out.push({ target: 'queue p99 <= 50 ms', value: `${round(r.backlog.queue.p99)} ms`, met: r.backlog.queue.p99 <= 50 });
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
  if (r.backlog) {
    const b = r.backlog;
    rows.push(['backlog parked', `${b.reports} reports: filed in ${round(b.fileSeconds)} s, all awaiting review after ${round(b.parkSeconds)} s`]);
    const heap = (h?: WorkerHeap) =>
      h ? `; main-thread heap ${round(h.heapUsedMb)} MB used of ${round(h.heapTotalMb)} MB, external ${round(h.externalMb)} MB` : '';
    rows.push(['backlog RSS (child processes)', `API ${round(b.apiRssMb)} MB; worker ${round(b.workerRssIdleMb)} MB before the backlog, then:`]);
    rows.push(['  worker right after parking', `${round(b.workerRssMb)} MB${heap(b.workerHeap)}`]);
    if (b.settled)
      rows.push(['  worker settled', `${round(b.settled.workerRssMb)} MB after ${round(b.settled.afterSeconds)} s idle${heap(b.settled.workerHeap)}`]);
    rows.push(['GET /v1/moderation/queue', ms(b.queue)]);
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
