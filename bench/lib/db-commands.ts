import { setTimeout as sleep } from 'node:timers/promises';

/** Database commands a lifecycle costs, from `mongodb_commands_total` on the API's and the worker's `/metrics`. */
export interface CommandsPerItem {
  total: number;
  byProcess: { api: number; worker: number };
  /** `collection.command` over both processes, largest first. */
  byCommand: Record<string, number>;
  /** Commands per second both processes sent while idle (their timers: queue feed polls, start sweep), taken out of the counts. */
  idlePerSecond: number;
}

type Counts = Map<string, number>;
const PROCESSES = ['api', 'worker'] as const;
/** After the last workflow completed, the sanction workflow it started is still taking its first steps. */
const SETTLE_MS = 2_000;

/** Reads the counters before and after a part and takes out what the processes send when idle. */
export class DatabaseCommands {
  private idle: Counts = new Map();
  private before: Counts = new Map();
  private beganAt = 0;

  constructor(
    private readonly apiMetricsUrl: string,
    private readonly authorization: string,
    private readonly workerMetricsUrl: string,
  ) {}

  /** The rate each counter grows at while nothing is asked of the service. */
  async measureIdle(ms: number): Promise<void> {
    const first = await this.read();
    const began = performance.now();
    await sleep(ms);
    const seconds = (performance.now() - began) / 1000;
    this.idle = new Map([...(await this.read())].map(([key, value]) => [key, (value - (first.get(key) ?? 0)) / seconds]));
  }

  async begin(): Promise<void> {
    this.before = await this.read();
    this.beganAt = performance.now();
  }

  async perItem(n: number): Promise<CommandsPerItem> {
    await sleep(SETTLE_MS);
    const after = await this.read();
    const seconds = (performance.now() - this.beganAt) / 1000;
    const byProcess = { api: 0, worker: 0 };
    const byCommand: Record<string, number> = {};
    for (const [key, value] of after) {
      const spent = Math.max(0, value - (this.before.get(key) ?? 0) - (this.idle.get(key) ?? 0) * seconds) / n;
      if (spent === 0) continue;
      const [process, command] = key.split(' ');
      byProcess[process as keyof typeof byProcess] += spent;
      byCommand[command] = (byCommand[command] ?? 0) + spent;
    }
    const sorted = Object.fromEntries(Object.entries(byCommand).sort(([, a], [, b]) => b - a));
    const idlePerSecond = [...this.idle.values()].reduce((a, b) => a + b, 0);
    return { total: byProcess.api + byProcess.worker, byProcess, byCommand: sorted, idlePerSecond };
  }

  /** `<process> <collection>.<command>` → count, from both endpoints. */
  private async read(): Promise<Counts> {
    const counts: Counts = new Map();
    for (const process of PROCESSES) {
      const url = process === 'api' ? this.apiMetricsUrl : this.workerMetricsUrl;
      const res = await fetch(url, { headers: { authorization: this.authorization }, signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
      for (const match of (await res.text()).matchAll(/^mongodb_commands_total\{([^}]*)\} (\S+)$/gm)) {
        const labels = Object.fromEntries([...match[1].matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]));
        counts.set(`${process} ${labels.collection}.${labels.command}`, Number(match[2]));
      }
    }
    return counts;
  }
}
