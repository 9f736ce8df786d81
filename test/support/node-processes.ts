import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './test-app';

const DIST = join(__dirname, '..', '..', 'dist', 'src');

/** A built entry point (`npm test` builds first, see the `pretest` script) run as its own process. */
export interface NodeProcess {
  name: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<void>;
  stop: () => Promise<void>;
}

export function startNodeProcess(name: string, entry: 'main.js' | 'worker/main.js', env: Record<string, string>): NodeProcess {
  const script = join(DIST, entry);
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build\` (npm test does it first)`);
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    output: () => chunks.join(''),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Waits for `/health/ready` to answer 200; fails early with the process's output if it died. */
export async function awaitReady(proc: NodeProcess, port: number): Promise<void> {
  try {
    await eventually(
      async () => {
        if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode}`);
        return fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
      },
      (status) => status === 200,
      30_000,
    );
  } catch (error) {
    throw new Error(`${proc.name} not ready: ${(error as Error).message}\n${proc.output().slice(-2_000)}`, { cause: error });
  }
}

/** Reads /metrics; the API's needs a bearer token, the worker's health port does not. */
export async function scrape(port: number, authorization?: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: authorization ? { authorization } : {} });
  if (res.status !== 200) throw new Error(`/metrics on ${port} answered ${res.status}`);
  return res.text();
}
