import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc (NaN where there is none). */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime] = [Number(fields[11]), Number(fields[12])];
  return (utime + stime) / TICKS_PER_SECOND;
}

/** CPU milliseconds per item that each named process spent while `work` ran. */
export async function cpuPerItem(pids: Record<string, number>, items: number, work: () => Promise<void>): Promise<Record<string, number>> {
  const before = await Promise.all(Object.values(pids).map(cpuSeconds));
  await work();
  const after = await Promise.all(Object.values(pids).map(cpuSeconds));
  return Object.fromEntries(Object.keys(pids).map((name, i) => [name, ((after[i] - before[i]) * 1000) / items]));
}
