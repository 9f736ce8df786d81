import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../../scripts/lib/child-process';

// 40 lines on stderr, then exit 2, as a Go panic with its stack does.
const CRASH = "for (let i = 1; i <= 40; i++) console.error('line ' + i); process.exit(2)";

async function startupError(logFile?: string): Promise<string> {
  const server = spawnServer('crashing server', process.execPath, ['-e', CRASH], logFile);
  return server
    .startup(() => new Promise(() => undefined))
    .then(
      () => 'started',
      (error: Error) => error.message,
    );
}

function expectHeadAndTail(message: string): void {
  expect(message).toContain('crashing server exited (exit code 2) before it was ready');
  expect(message).toMatch(/line 1\n[\s\S]*line 5\n\(15 lines left out\)\nline 21\n[\s\S]*line 40$/);
  expect(message).not.toMatch(/line 6\n/);
}

test('a server that dies at start-up is reported with the first lines of its output (a panic names its cause there) and the last', async () => {
  expectHeadAndTail(await startupError());
});

test('the same from its log file, quoting only what this start wrote to it', async () => {
  const logFile = join(mkdtempSync(join(tmpdir(), 'child-process-')), 'server.log');
  writeFileSync(logFile, 'an earlier run\n');
  const message = await startupError(logFile);
  expectHeadAndTail(message);
  expect(message).not.toContain('an earlier run');
});
