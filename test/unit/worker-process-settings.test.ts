import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKER_NODE_FLAGS, workerProcessEnv } from '../../src/worker/process-settings';

describe('worker process settings', () => {
  test('npm run start:worker starts the worker the way the scripts and the benchmark do', () => {
    const script: string = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).scripts['start:worker'];
    const [, command] = /^(?:\S+=\S+ )*(node .*)$/.exec(script) ?? [];
    expect(command).toBe(`node ${WORKER_NODE_FLAGS.join(' ')} dist/src/worker/main.js`);
    for (const [name, value] of Object.entries(workerProcessEnv({}))) expect(script).toContain(`${name}=\${${name}:-${value}}`);
  });

  test("an operator's own MALLOC_ARENA_MAX wins", () => {
    expect(workerProcessEnv({ MALLOC_ARENA_MAX: '4' })).toEqual({ MALLOC_ARENA_MAX: '4' });
    expect(workerProcessEnv({})).toEqual({ MALLOC_ARENA_MAX: '2' });
  });
});
