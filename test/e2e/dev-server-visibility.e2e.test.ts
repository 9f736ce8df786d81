import type { Client } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dropUnusedVisibilityIndexes, unusedVisibilityIndexes } from '../../scripts/lib/dev-server-visibility-indexes';
import { findFreePort, RunningServer, SearchAttributeType, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES, reportReasonsKey, reportStatusKey, reportTargetKindKey } from '../../workflows/definitions';
import { withClient } from '../support/dev-server';

// The dev server's file database (npm start, the benchmark) is tuned for visibility writes:
// fewer indexes, search attributes read at start-up. Its workflow lists must still answer.
const dir = mkdtempSync(join(tmpdir(), 'dev-server-visibility-'));
let temporal: (RunningServer & { address: string }) | undefined;

afterAll(async () => {
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function restart(dbFilename: string, searchAttributes: Record<string, SearchAttributeType> = SEARCH_ATTRIBUTE_TYPES) {
  await temporal?.stop();
  temporal = await startTemporalDevServer({ port: await findFreePort(), uiPort: await findFreePort(), headless: true, dbFilename, searchAttributes });
  return temporal.address;
}

/** Workflow ids a visibility query lists, once it lists any (visibility is written after the start). */
async function listed(address: string, query: string): Promise<string[]> {
  return withClient(address, async (client) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const ids: string[] = [];
      for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
      if (ids.length > 0) return ids;
      await sleep(200);
    }
    return [];
  });
}

function startUnpolled(client: Client, workflowId: string, reasons?: string[]) {
  return client.workflow.start('reportLifecycleWorkflow', {
    taskQueue: 'no-worker-listens-here',
    workflowId,
    args: [],
    typedSearchAttributes: [
      { key: reportStatusKey, value: 'received' },
      { key: reportTargetKindKey, value: 'chat_message' },
      ...(reasons ? [{ key: reportReasonsKey, value: reasons }] : []),
    ],
  });
}

test('the visibility indexes nothing here uses are dropped, and the lists still answer, across restarts', async () => {
  const dbFilename = join(dir, 'indexes.db');
  let address = await restart(dbFilename);
  const again = await dropUnusedVisibilityIndexes(dbFilename, SEARCH_ATTRIBUTE_TYPES);
  expect(again.dropped).toEqual([]);
  expect(again.kept).toEqual(expect.arrayContaining(['default_idx', 'by_workflow_id', 'by_workflow_type', 'by_status', 'by_task_queue', 'by_keyword_01', 'by_keyword_10']));
  expect(again.kept.filter((name) => unusedVisibilityIndexes(SEARCH_ATTRIBUTE_TYPES).includes(name))).toEqual([]);

  await withClient(address, (client) => startUnpolled(client, 'visibility-index-check'));
  // Through a kept index (the custom keywords); then, once closed, through a dropped one (by scanning).
  expect(await listed(address, 'ReportStatus = "received" AND ReportTargetKind = "chat_message"')).toEqual(['visibility-index-check']);
  await withClient(address, (client) => client.workflow.getHandle('visibility-index-check').terminate('checked'));
  expect(await listed(address, 'HistoryLength >= 1 AND ExecutionStatus = "Terminated"')).toEqual(['visibility-index-check']);

  address = await restart(dbFilename);
  expect((await dropUnusedVisibilityIndexes(dbFilename, SEARCH_ATTRIBUTE_TYPES)).dropped).toEqual([]);
  expect(await listed(address, 'ReportStatus = "received"')).toEqual(['visibility-index-check']);
}, 120_000);

test('the indexes of a custom column type stay while an attribute of that type is registered', () => {
  expect(unusedVisibilityIndexes({ Score: 'Int' })).not.toContain('by_int_01');
  expect(unusedVisibilityIndexes({ Score: 'Int' })).toContain('by_keyword_01');
  expect(unusedVisibilityIndexes(SEARCH_ATTRIBUTE_TYPES)).toContain('by_int_01');
  expect(unusedVisibilityIndexes(SEARCH_ATTRIBUTE_TYPES)).not.toContain('by_keyword_01');
});

test('search attributes added to an existing database can be set as soon as the server is up', async () => {
  const dbFilename = join(dir, 'attributes.db');
  await restart(dbFilename, { ReportStatus: 'Keyword' });
  const address = await restart(dbFilename);
  await withClient(address, async (client) => {
    const handle = await startUnpolled(client, 'attributes-added-later', ['spam']);
    expect((await handle.describe()).typedSearchAttributes.get(reportReasonsKey)).toEqual(['spam']);
    await handle.terminate('checked');
  });
}, 120_000);
