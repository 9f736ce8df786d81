import { Client, Connection } from '@temporalio/client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, RunningServer, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { SEARCH_ATTRIBUTE_TYPES, reportReasonsKey, reportStatusKey, reportTargetKindKey } from '../../workflows/definitions';

const dir = mkdtempSync(join(tmpdir(), 'dev-server-attributes-'));
const dbFilename = join(dir, 'temporal.db');
let temporal: (RunningServer & { address: string }) | undefined;

afterAll(async () => {
  await temporal?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = async (searchAttributes: typeof SEARCH_ATTRIBUTE_TYPES | { ReportStatus: 'Keyword' }) =>
  startTemporalDevServer({ port: await findFreePort(), uiPort: await findFreePort(), headless: true, dbFilename, searchAttributes });

test('search attributes added to an existing dev-server database can be set as soon as the server is up', async () => {
  temporal = await start({ ReportStatus: 'Keyword' });
  await temporal.stop();
  temporal = await start(SEARCH_ATTRIBUTE_TYPES);

  const connection = await Connection.connect({ address: temporal.address });
  try {
    const handle = await new Client({ connection }).workflow.start('reportLifecycleWorkflow', {
      taskQueue: 'no-worker-listens-here',
      workflowId: 'attributes-added-later',
      args: [],
      typedSearchAttributes: [
        { key: reportStatusKey, value: 'received' },
        { key: reportTargetKindKey, value: 'chat_message' },
        { key: reportReasonsKey, value: ['spam'] },
      ],
    });
    const { typedSearchAttributes } = await handle.describe();
    expect(typedSearchAttributes.get(reportReasonsKey)).toEqual(['spam']);
    await handle.terminate('checked');
  } finally {
    await connection.close();
  }
}, 120_000);
