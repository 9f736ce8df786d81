import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dropUnusedVisibilityIndexes, unusedVisibilityIndexes } from '../../scripts/lib/dev-server-visibility-indexes';
import { findFreePort, RunningServer, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES, reportStatusKey, reportTargetKindKey } from '../../workflows/definitions';

const dir = mkdtempSync(join(tmpdir(), 'dev-server-indexes-'));
const dbFilename = join(dir, 'temporal.db');
let temporal: (RunningServer & { address: string }) | undefined;

afterAll(async () => {
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = async () =>
  startTemporalDevServer({ port: await findFreePort(), uiPort: await findFreePort(), headless: true, dbFilename, searchAttributes: SEARCH_ATTRIBUTE_TYPES });

/** Workflow ids a visibility query lists, once it lists any (visibility is written after the start). */
async function listed(address: string, query: string): Promise<string[]> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    for (let attempt = 0; attempt < 50; attempt++) {
      const ids: string[] = [];
      for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
      if (ids.length > 0) return ids;
      await sleep(200);
    }
    return [];
  } finally {
    await connection.close();
  }
}

test("the dev server's file database loses the visibility indexes nothing here uses, and its lists still answer, across restarts", async () => {
  temporal = await start();
  const again = await dropUnusedVisibilityIndexes(dbFilename, SEARCH_ATTRIBUTE_TYPES);
  expect(again.dropped).toEqual([]);
  expect(again.kept).toEqual(expect.arrayContaining(['default_idx', 'by_workflow_id', 'by_workflow_type', 'by_status', 'by_task_queue', 'by_keyword_01', 'by_keyword_10']));
  expect(again.kept.filter((name) => unusedVisibilityIndexes(SEARCH_ATTRIBUTE_TYPES).includes(name))).toEqual([]);

  const connection = await Connection.connect({ address: temporal.address });
  const handle = await new Client({ connection }).workflow.start('reportLifecycleWorkflow', {
    taskQueue: 'no-worker-listens-here',
    workflowId: 'visibility-index-check',
    args: [],
    typedSearchAttributes: [
      { key: reportStatusKey, value: 'received' },
      { key: reportTargetKindKey, value: 'chat_message' },
    ],
  });
  // Through a kept index (the custom keywords); then, once closed, through a dropped one (by scanning).
  expect(await listed(temporal.address, 'ReportStatus = "received" AND ReportTargetKind = "chat_message"')).toEqual(['visibility-index-check']);
  await handle.terminate('checked');
  await connection.close();
  expect(await listed(temporal.address, 'HistoryLength >= 1 AND ExecutionStatus = "Terminated"')).toEqual(['visibility-index-check']);

  await temporal.stop();
  temporal = await start();
  expect((await dropUnusedVisibilityIndexes(dbFilename, SEARCH_ATTRIBUTE_TYPES)).dropped).toEqual([]);
  expect(await listed(temporal.address, 'ReportStatus = "received"')).toEqual(['visibility-index-check']);
}, 120_000);

test('the indexes of a custom column type stay while an attribute of that type is registered', () => {
  expect(unusedVisibilityIndexes({ Score: 'Int' })).not.toContain('by_int_01');
  expect(unusedVisibilityIndexes({ Score: 'Int' })).toContain('by_keyword_01');
  expect(unusedVisibilityIndexes(SEARCH_ATTRIBUTE_TYPES)).toContain('by_int_01');
  expect(unusedVisibilityIndexes(SEARCH_ATTRIBUTE_TYPES)).not.toContain('by_keyword_01');
});
