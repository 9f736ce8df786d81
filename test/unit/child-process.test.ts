import { spawnServer } from '../../scripts/lib/child-process';

test('a server that dies at start-up is reported with the first lines of its output (a panic names its cause there) and the last', async () => {
  // 40 lines on stderr, then exit 2, as a Go panic with its stack does.
  const script = "for (let i = 1; i <= 40; i++) console.error('line ' + i); process.exit(2)";
  const server = spawnServer('crashing server', process.execPath, ['-e', script]);
  const failure = server.startup(() => new Promise(() => undefined)).catch((error: Error) => error.message);
  const message = await failure;
  expect(message).toContain('crashing server exited (exit code 2) before it was ready');
  expect(message).toMatch(/line 1\n[\s\S]*line 5\n\(15 lines left out\)\nline 21\n[\s\S]*line 40$/);
  expect(message).not.toMatch(/line 6\n/);
});
