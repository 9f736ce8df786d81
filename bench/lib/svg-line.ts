import { round } from './stats';

export interface LineSeries {
  title: string;
  unit: string;
  points: Array<{ x: number; y: number }>;
  /** Drawn dashed across the plot, labelled as the target. */
  target?: number;
}

const PLOT_W = 260;
const PLOT_H = 120;

/**
 * One small line chart (SVG elements, no wrapper) at (x, y): the series over its x values,
 * from zero, with a dashed target line. Returns the elements and the height used.
 */
export function lineChart(series: LineSeries, x: number, y: number, xLabel: string): { svg: string[]; height: number } {
  const left = x + 40;
  const top = y + 20;
  const xs = series.points.map((p) => p.x);
  const maxX = Math.max(...xs, 1);
  const maxY = Math.max(...series.points.map((p) => p.y).filter(Number.isFinite), series.target ?? 0, 1) * 1.1;
  const px = (v: number) => left + (v / maxX) * PLOT_W;
  const py = (v: number) => top + PLOT_H - (v / maxY) * PLOT_H;
  const svg = [
    `<text x="${x}" y="${y + 10}" font-weight="bold">${esc(`${series.title} (${series.unit})`)}</text>`,
    `<line x1="${left}" y1="${top + PLOT_H}" x2="${left + PLOT_W}" y2="${top + PLOT_H}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + PLOT_H}" stroke="#333"/>`,
    `<text x="${left - 4}" y="${top + 4}" text-anchor="end" font-size="10">${round(maxY)}</text>`,
    `<text x="${left - 4}" y="${top + PLOT_H}" text-anchor="end" font-size="10">0</text>`,
    `<text x="${left + PLOT_W / 2}" y="${top + PLOT_H + 28}" text-anchor="middle" font-size="10">${esc(xLabel)}</text>`,
  ];
  for (const v of xs) svg.push(`<text x="${px(v)}" y="${top + PLOT_H + 14}" text-anchor="middle" font-size="10">${v}</text>`);
  if (series.target !== undefined) {
    svg.push(`<line x1="${left}" y1="${py(series.target)}" x2="${left + PLOT_W}" y2="${py(series.target)}" stroke="#b22222" stroke-dasharray="4 3"/>`);
    svg.push(`<text x="${left + PLOT_W}" y="${py(series.target) - 3}" text-anchor="end" font-size="10" fill="#b22222">target ${series.target}</text>`);
  }
  const path = series.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ');
  svg.push(`<polyline points="${path}" fill="none" stroke="#3366cc" stroke-width="2"/>`);
  for (const p of series.points) {
    svg.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3" fill="#3366cc"/>`);
    svg.push(`<text x="${px(p.x) + 4}" y="${py(p.y) - 5}" font-size="10">${round(p.y)}</text>`);
  }
  return { svg, height: PLOT_H + 50 };
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
