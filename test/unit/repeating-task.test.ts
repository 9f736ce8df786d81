import { setTimeout as sleep } from 'node:timers/promises';
import { RepeatingTask } from '../../src/common/repeating-task';

/** A run that takes `ms` and records when it started and ended. */
function recordingRun(ms: number) {
  const runs: Array<{ start: number; end?: number }> = [];
  const run = async () => {
    const entry: { start: number; end?: number } = { start: Date.now() };
    runs.push(entry);
    await sleep(ms);
    entry.end = Date.now();
  };
  return { runs, run };
}

describe('RepeatingTask (the queue projection and the start sweep run on it)', () => {
  test('runs again an interval after each run ends: runs never overlap', async () => {
    const { runs, run } = recordingRun(30);
    const task = new RepeatingTask(run, 10, () => undefined);
    task.start(0);
    await sleep(250);
    await task.stop();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < runs.length; i++) expect(runs[i].start).toBeGreaterThanOrEqual(runs[i - 1].end! + 9);
  });

  test('stop waits for the run under way and no run starts after it', async () => {
    const { runs, run } = recordingRun(80);
    const task = new RepeatingTask(run, 10, () => undefined);
    task.start(0);
    await sleep(20);
    await task.stop();
    expect(task.stopped).toBe(true);
    expect(runs).toHaveLength(1);
    expect(runs[0].end).toBeDefined();
    await sleep(60);
    expect(runs).toHaveLength(1);
  });

  test('a failed run goes to onError and the next one runs as usual', async () => {
    let calls = 0;
    const errors: string[] = [];
    const task = new RepeatingTask(
      async () => {
        calls++;
        throw new Error(`database gone ${calls}`);
      },
      5,
      (error) => errors.push(error.message),
    );
    task.start(0);
    await sleep(100);
    await task.stop();
    expect(calls).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual(Array.from({ length: calls }, (_, i) => `database gone ${i + 1}`));
  });
});
