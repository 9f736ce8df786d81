import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, RunningServer, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { defaultNamespaceServedBy } from '../support/dev-server';

const dir = mkdtempSync(join(tmpdir(), 'dev-server-db-'));
let temporal: (RunningServer & { address: string }) | undefined;

afterAll(async () => {
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** SQLite's file header: bytes 18 and 19 are 2 in WAL mode, 1 with a rollback journal. */
function journalModeOf(file: string): string {
  const header = readFileSync(file).subarray(0, 20);
  return header[18] === 2 && header[19] === 2 ? 'wal' : 'rollback journal';
}

test('the dev server (npm start, the benchmark) keeps its file database in WAL mode, and keeps it across restarts', async () => {
  const dbFilename = join(dir, 'temporal.db');
  const start = async () =>
    startTemporalDevServer({ port: await findFreePort(), uiPort: await findFreePort(), headless: true, dbFilename, searchAttributes: SEARCH_ATTRIBUTE_TYPES });
  temporal = await start();
  expect(journalModeOf(dbFilename)).toBe('wal');
  await temporal.stop();
  temporal = await start();
  expect(await defaultNamespaceServedBy(temporal.address)).toBe('default');
  expect(journalModeOf(dbFilename)).toBe('wal');
}, 90_000);
