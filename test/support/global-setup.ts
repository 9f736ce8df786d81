import { bundleWorkflowCode } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startFerretDb, startTemporalDevServer, toolPath } from '../../scripts/lib/local-servers';
import { FAILURE_CONVERTER_PATH, formatPayloadKey } from '../../src/payload-encryption/payload-keys';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { publishTestServers } from './test-env';

/**
 * Starts one Temporal dev server and one FerretDB for the whole run, on free ports (so tests
 * work while `npm start` runs), and bundles the workflows once.
 */
export default async function globalSetup(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'report-lifecycle-test-'));
  const [temporalPort, uiPort, mongoPort] = await distinctFreePorts(3);
  const [temporal, ferret, bundle] = await Promise.all([
    startTemporalDevServer({
      port: temporalPort,
      uiPort,
      headless: true,
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      logFile: join(dir, 'temporal.log'),
    }),
    startFerretDb({ port: mongoPort, dataDir: join(dir, 'ferretdb'), logFile: join(dir, 'ferretdb.log') }),
    bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), failureConverterPath: FAILURE_CONVERTER_PATH, logger: silentLogger }),
  ]);
  const workflowBundlePath = join(dir, 'workflow-bundle.js');
  await writeFile(workflowBundlePath, bundle.code);
  (globalThis as Record<string, unknown>).__testServers = [temporal, ferret];
  // One key for the run: every API and worker a test starts (in process or as a child
  // process, which inherits the environment) encrypts payloads, as in production.
  process.env.PAYLOAD_KEYS = formatPayloadKey({ id: 'test-run', key: randomBytes(32) });
  // Likewise one id secret (R2), so ids an API derives are the ids a test or a worker recomputes.
  process.env.ID_HMAC_SECRET = randomBytes(32).toString('base64url');
  publishTestServers({
    temporalAddress: temporal.address,
    mongoPort,
    workflowBundlePath,
    timeSkippingServerPath: toolPath('temporal-test-server'),
  });
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}

const noop = () => undefined;
const silentLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
