import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history for the replay test
 * (test/replay/histories/<file>.json). Failure stack traces name source files: they are kept
 * relative to the repository, so no path of the recording machine is checked in.
 */
export async function recordHistory(file: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  await handle.result().catch(() => undefined);
  const json = historyToJSON(await handle.fetchHistory()).split(`${REPO_ROOT}/`).join('');
  await writeFile(join(REPO_ROOT, 'test', 'replay', 'histories', `${file}.json`), json + '\n');
}
