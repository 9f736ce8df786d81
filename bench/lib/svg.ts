import type { BenchResults } from './report';
import { round } from './stats';
import { esc, lineChart } from './svg-line';

const W = 720;
const BAR_H = 22;
const COLORS = { product: '#3366cc', raw: '#999999' };

/** A hand-written chart: throughput bars, then latency percentiles, product next to raw Temporal. */
export function chartSvg(r: BenchResults): string {
  const parts: string[] = [];
  let y = 30;
  const title = (text: string) => {
    parts.push(`<text x="10" y="${y}" font-weight="bold">${esc(text)}</text>`);
    y += 14;
  };
  const bars = (items: Array<{ name: string; value: number; unit: string; raw: boolean }>) => {
    const max = Math.max(...items.map((i) => i.value).filter(Number.isFinite), 1);
    for (const item of items) {
      const width = Number.isFinite(item.value) ? Math.max(1, (item.value / max) * (W - 330)) : 0;
      parts.push(`<text x="10" y="${y + 15}">${esc(item.name)}</text>`);
      parts.push(`<rect x="230" y="${y + 3}" width="${width}" height="${BAR_H - 6}" fill="${item.raw ? COLORS.raw : COLORS.product}"/>`);
      parts.push(`<text x="${236 + width}" y="${y + 15}">${round(item.value, 1)} ${esc(item.unit)}</text>`);
      y += BAR_H;
    }
    y += 20;
  };

  parts.push(
    `<text x="10" y="14" font-size="11" fill="#555">${esc(`report lifecycle benchmark "${r.label}", ${r.startedAt}; blue = product, grey = its workflows with no-op steps`)}</text>`,
  );
  if (r.lifecycle || r.baseline) {
    title('Throughput (completed lifecycles per second)');
    bars([
      ...(r.lifecycle ? [{ name: 'report lifecycle', value: r.lifecycle.perSecond, unit: '/s', raw: false }] : []),
      ...(r.baseline ? [{ name: 'same-shape baseline', value: r.baseline.perSecond, unit: '/s', raw: true }] : []),
    ]);
  }
  for (const pct of ['p50', 'p95', 'p99'] as const) {
    const p = r.pairedLatency;
    const l = r.latency;
    if (!p && !l) continue;
    title(`Latency ${pct} (ms)`);
    bars([
      ...(p
        ? [
            { name: 'filing to recorded start', value: p.filingToStart[pct], unit: 'ms', raw: false },
            { name: 'raw start to recorded start', value: p.rawStart[pct], unit: 'ms', raw: true },
            { name: 'POST /v1/reports answer', value: p.fileAnswer[pct], unit: 'ms', raw: false },
            { name: 'POST .../approve', value: p.approve[pct], unit: 'ms', raw: false },
            { name: 'raw decide update', value: p.rawDecide[pct], unit: 'ms', raw: true },
          ]
        : []),
      ...(l
        ? [
            { name: 'POST, wait until review', value: l.fileUntilReview[pct], unit: 'ms', raw: false },
            { name: 'raw start + pastReceived', value: l.rawStart[pct], unit: 'ms', raw: true },
          ]
        : []),
    ]);
  }
  if (r.history?.length) {
    title('History per lifecycle (events; target <= 60)');
    bars(r.history.map((h) => ({ name: `${h.messages} messages`, value: h.events, unit: `events, ${h.bytes} bytes`, raw: false })));
  }
  if (r.backlog) {
    const b = r.backlog;
    title(`Backlog of ${b.reports} parked reports, peak while filing and parking`);
    bars([
      { name: 'peak worker RSS', value: b.peakWorkerRssMb, unit: 'MB', raw: false },
      { name: 'peak API RSS', value: b.peakApiRssMb, unit: 'MB', raw: false },
      { name: 'queue p99', value: b.queue.p99, unit: 'ms', raw: false },
    ]);
    const xLabel = 'reports parked';
    const rss = lineChart(
      { title: 'Peak worker RSS', unit: 'MB', target: 300, points: b.points.map((p) => ({ x: p.reports, y: p.peakWorkerRssMb })) },
      10,
      y,
      xLabel,
    );
    const queue = lineChart({ title: 'Queue p99', unit: 'ms', target: 50, points: b.points.map((p) => ({ x: p.reports, y: p.queue.p99 })) }, 370, y, xLabel);
    parts.push(...rss.svg, ...queue.svg);
    y += Math.max(rss.height, queue.height) + 10;
  }
  if (r.targets?.length) {
    title('Targets');
    for (const t of r.targets) {
      parts.push(`<text x="10" y="${y + 12}" fill="${t.met ? '#2a7a2a' : '#b22222'}">${esc(`${t.met ? 'met' : 'NOT met'}: ${t.target} (${t.value})`)}</text>`);
      y += 18;
    }
    y += 10;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`;
}
