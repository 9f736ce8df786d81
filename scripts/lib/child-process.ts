import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RunningServer {
  name: string;
  pid: number;
  /** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. Safe to call twice. */
  stop: () => Promise<void>;
}

export interface ServerProcess extends RunningServer {
  /**
   * Runs the readiness check `check`; rejects (with the first and the last lines the child
   * logged) if it exits first, and stops the child if the check fails. `signal` aborts once this settles,
   * so polling loops inside `check` end with it instead of lingering.
   */
  startup<T>(check: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

const STOP_GRACE_MS = 10_000;
const TAIL_LINES = 20;
// A Go panic states its cause first and then prints a stack longer than the tail.
const HEAD_LINES = 5;

/**
 * Spawns a long-running server. It gets its own process group (`detached`) so that a Ctrl-C in
 * the terminal reaches only our Node process, which then stops the servers in order. In return
 * we must make sure they never outlive us: see `killOnHostExit`.
 */
export function spawnServer(name: string, command: string, args: string[], logFile?: string, env: Record<string, string> = {}): ServerProcess {
  let out: number | 'pipe' = 'pipe';
  // The file is appended to: a start-up error quotes only what this child wrote, from here on.
  let logStart = 0;
  if (logFile) {
    // Owner-only: request and server logs name users and reports.
    fs.mkdirSync(path.dirname(logFile), { recursive: true, mode: 0o700 });
    out = fs.openSync(logFile, 'a', 0o600);
    fs.fchmodSync(out, 0o600); // a file from an earlier run keeps its old mode otherwise
    logStart = fs.fstatSync(out).size;
  }
  const child = spawn(command, args, { detached: true, stdio: ['ignore', logFile ? out : 'ignore', out], env: { ...process.env, ...env } });
  if (typeof out === 'number') fs.closeSync(out); // the child holds its own copy

  // Without a log file, keep the first and the last stderr lines in memory for start-up errors.
  const head: string[] = [];
  const recent: string[] = [];
  let dropped = 0;
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n').filter(Boolean)) {
      if (head.length < HEAD_LINES) head.push(line);
      else recent.push(line);
    }
    const excess = Math.max(0, recent.length - TAIL_LINES);
    recent.splice(0, excess);
    dropped += excess;
  });
  const loggedLines = () => (logFile ? headAndTail(linesOf(logFile, logStart)) : withGap(head, dropped, recent)).join('\n');

  let how = '';
  const exited = new Promise<void>((resolve) => {
    child.on('error', (err) => ((how ||= err.message), resolve())); // e.g. ENOENT: no 'exit' follows
    child.once('exit', (code, sig) => ((how ||= sig ? `killed by ${sig}` : `exit code ${code}`), resolve()));
  });
  live.add(child);
  void exited.then(() => live.delete(child));
  killOnHostExit();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (how) return; // already gone: nothing to signal, nothing to wait for
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    })());

  const startup = async <T>(check: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const ac = new AbortController();
    const died = exited.then((): never => {
      const lines = loggedLines();
      throw new Error(`${name} exited (${how}) before it was ready${lines ? `; its log lines:\n${lines}` : ''}`);
    });
    try {
      return await Promise.race([check(ac.signal), died]);
    } catch (err) {
      await stop();
      throw err;
    } finally {
      ac.abort();
    }
  };

  return { name, pid: child.pid ?? -1, stop, startup };
}

/** The lines written to `file` from byte `offset` on (a start-up's worth: read whole). */
function linesOf(file: string, offset: number): string[] {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function headAndTail(lines: string[]): string[] {
  const head = lines.slice(0, HEAD_LINES);
  const tail = lines.slice(Math.max(HEAD_LINES, lines.length - TAIL_LINES));
  return withGap(head, lines.length - head.length - tail.length, tail);
}

function withGap(head: string[], leftOut: number, tail: string[]): string[] {
  return [...head, ...(leftOut > 0 ? [`(${leftOut} lines left out)`] : []), ...tail];
}

const live = new Set<ChildProcess>();
let hooked = false;

/**
 * Safety net for hosts that never call stop(): on exit, and on a signal nobody else handles
 * (e.g. Ctrl-C during a jest run), SIGTERM the servers, then let the signal take its course.
 * A host with its own signal handler (the `npm start` orchestrator) is left alone.
 */
function killOnHostExit(): void {
  if (hooked) return;
  hooked = true;
  const killAll = () => live.forEach((c) => c.kill('SIGTERM'));
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      if (process.listenerCount(sig) > 1) return;
      process.removeListener(sig, onSignal);
      killAll();
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}
