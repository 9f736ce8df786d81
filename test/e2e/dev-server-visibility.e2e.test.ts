import type { Client } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort, RunningServer, SearchAttributeType, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES, reportReasonsKey, reportStatusKey, reportTargetKindKey } from '../../workflows/definitions';
import { withClient } from '../support/dev-server';

// The dev server with a file database (npm start): its workflow lists, which support staff
// filter by our search attributes in the Web UI, answer across restarts.
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

test('workflow lists filter by our search attributes and by execution status, across restarts', async () => {
  const dbFilename = join(dir, 'lists.db');
  let address = await restart(dbFilename);
  await withClient(address, (client) => startUnpolled(client, 'visibility-check'));
  expect(await listed(address, 'ReportStatus = "received" AND ReportTargetKind = "chat_message"')).toEqual(['visibility-check']);
  await withClient(address, (client) => client.workflow.getHandle('visibility-check').terminate('checked'));
  expect(await listed(address, 'HistoryLength >= 1 AND ExecutionStatus = "Terminated"')).toEqual(['visibility-check']);

  address = await restart(dbFilename);
  expect(await listed(address, 'ReportStatus = "received"')).toEqual(['visibility-check']);
}, 120_000);

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
