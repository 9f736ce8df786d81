const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses "250ms", "30s", "72h", "30d" (or a bare number of milliseconds). */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a duration like 30s, 72h or 30d`);
  return Number(match[1]) * UNIT_MS[match[2] ?? 'ms'];
}
