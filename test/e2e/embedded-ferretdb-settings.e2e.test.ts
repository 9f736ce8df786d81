import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningServer, ferretDbEnv, findFreePort, startFerretDb } from '../../scripts/lib/local-servers';

const dir = mkdtempSync(join(tmpdir(), 'ferretdb-settings-'));
let ferret: RunningServer | undefined;

afterAll(async () => {
  await ferret?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function environmentOf(pid: number): Map<string, string> {
  const pairs = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return new Map(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

test('the embedded FerretDB (npm start, tests, the benchmark) runs with a garbage collector target of 400 and on one processor unless GOGC or GOMAXPROCS is set', async () => {
  expect(ferretDbEnv({})).toEqual({ GOGC: '400', GOMAXPROCS: '1' });
  expect(ferretDbEnv({ GOGC: '150', GOMAXPROCS: '2' })).toEqual({ GOGC: '150', GOMAXPROCS: '2' });

  ferret = await startFerretDb({ port: await findFreePort(), dataDir: join(dir, 'data') });
  const environment = environmentOf(ferret.pid);
  expect(environment.get('GOGC')).toBe(process.env.GOGC ?? '400');
  expect(environment.get('GOMAXPROCS')).toBe(process.env.GOMAXPROCS ?? '1');
}, 60_000);
