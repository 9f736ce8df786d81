/** The benchmark's flags; `--quick` is the CI smoke run: small counts, same code paths. */
export const PARTS = ['lifecycle', 'baseline', 'latency', 'history', 'backlog', 'evidence'] as const;
export type Part = (typeof PARTS)[number];

export interface BenchOptions {
  n: number;
  c: number;
  parts: Set<Part>;
  backlog: number;
  /** Messages in the long conversation of the history part (the short one has 10). */
  longConversation: number;
  queueRequests: number;
  /** Conversation sizes whose evidence the evidence part captures and verifies. */
  evidenceSizes: number[];
  /**
   * Untimed lifecycles and same-shape workflows run before the timed parts. The worker and the API
   * compile (JIT) hundreds of functions over their first few hundred lifecycles; a cold start
   * would charge that to whichever part runs first.
   */
  warmup: number;
  quick: boolean;
  label: string;
}

const USAGE = `npm run bench -- [--quick] [--n 100] [--c 10] [--warmup 100] [--parts ${PARTS.join(',')}] [--backlog 10000] [--long 10000] [--queue-requests 200] [--evidence 1000,10000] [--label name]`;

export function parseArgs(argv: string[]): BenchOptions {
  const quick = argv.includes('--quick');
  let warmup: number | undefined;
  const options: Omit<BenchOptions, 'warmup'> = {
    n: quick ? 10 : 100,
    c: quick ? 5 : 10,
    parts: new Set(PARTS),
    // The scale a moderation team meets after a bad day; judged at 1,000 and 5,000 on the way.
    backlog: quick ? 30 : 10_000,
    longConversation: 10_000,
    queueRequests: quick ? 50 : 200,
    evidenceSizes: quick ? [100, 1000] : [1000, 10_000],
    quick,
    label: 'run',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') continue;
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    switch (flag) {
      case '--n':
        options.n = positive(flag, value);
        break;
      case '--c':
        options.c = positive(flag, value);
        break;
      case '--warmup':
        warmup = positive(flag, value);
        break;
      case '--backlog':
        options.backlog = positive(flag, value);
        break;
      case '--long':
        options.longConversation = positive(flag, value);
        break;
      case '--queue-requests':
        options.queueRequests = positive(flag, value);
        break;
      case '--evidence':
        options.evidenceSizes = value.split(',').map((v) => positive(flag, v.trim()));
        break;
      case '--label':
        options.label = value.replace(/[^A-Za-z0-9_-]/g, '_');
        break;
      case '--parts':
        options.parts = parseParts(value);
        break;
      default:
        throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  // As many as are timed unless told: long enough for the JIT to settle, short for --quick.
  return { ...options, warmup: warmup ?? (quick ? 5 : options.n) };
}

function positive(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} expects a positive integer, got "${raw}"`);
  return value;
}

function parseParts(raw: string): Set<Part> {
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0 || parts.length === 0) throw new Error(`--parts takes a list of ${PARTS.join(', ')}; got "${raw}"`);
  // Latencies are sampled while the lifecycle and baseline parts run.
  if (parts.includes('latency')) parts.push('lifecycle', 'baseline');
  return new Set(parts as Part[]);
}
