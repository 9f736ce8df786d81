import { readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../src/worker/process-settings';
import { RunningServer, spawnServer } from './child-process';

export interface LogPosition {
  file: string;
  /** Logs are appended across runs: readiness only counts what was written after this offset. */
  offset: number;
}

export type ReadyCheck = (log: LogPosition, signal: AbortSignal) => Promise<void>;

const READY_TIMEOUT_MS = 90_000;

export interface NodeProcessSettings {
  nodeFlags?: string[];
  env?: Record<string, string>;
}

/** The worker's process settings (src/worker/process-settings.ts). */
export const WORKER_PROCESS: NodeProcessSettings = { nodeFlags: WORKER_NODE_FLAGS, env: workerProcessEnv() };

/** Runs one of our compiled Node entry points (API, worker) as a server with its own log file. */
export async function startNodeProcess(
  name: string,
  script: string,
  logFile: string,
  ready: ReadyCheck,
  settings: NodeProcessSettings = {},
): Promise<RunningServer> {
  const offset = await stat(logFile).then(
    (s) => s.size,
    () => 0,
  );
  const child = spawnServer(name, process.execPath, [...(settings.nodeFlags ?? []), script], logFile, settings.env);
  await child.startup(async (signal) => {
    const timeout = AbortSignal.timeout(READY_TIMEOUT_MS);
    try {
      await ready({ file: logFile, offset }, AbortSignal.any([signal, timeout]));
    } catch (error) {
      if (timeout.aborted) throw new Error(`${name} was not ready after ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`, { cause: error });
      throw error;
    }
  });
  return child;
}

export function apiHealthy(port: number): ReadyCheck {
  return async (_log, signal) => {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/health`, { signal }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await sleep(250, undefined, { signal });
    }
  };
}

/** Ready once the process has logged `text` (after the log's offset at start). */
export function loggedLine(text: string): ReadyCheck {
  return async (log, signal) => {
    for (;;) {
      const content = await readFile(log.file, 'utf8').catch(() => '');
      if (content.slice(log.offset).includes(text)) return;
      await sleep(250, undefined, { signal });
    }
  };
}

/** Needs the worker to log at `info` or finer: its "worker started" line is the signal. */
export function workerStarted(): ReadyCheck {
  return loggedLine('worker started');
}
