/**
 * `npm start`: the embedded default. Starts a Temporal dev server and FerretDB (unless
 * TEMPORAL_ADDRESS / MONGO_URL point elsewhere), loads the demo data, then the worker and the
 * API, and prints where to look. Ctrl-C stops everything, newest first.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SEARCH_ATTRIBUTE_TYPES } from '../workflows/definitions';
import { RunningServer } from './lib/child-process';
import { WORKER_PROCESS, apiHealthy, startNodeProcess, workerStarted } from './lib/node-process';
import { findFreePort, repoRoot, startFerretDb, startTemporalDevServer } from './lib/local-servers';
import { startTemporalUiGateway } from './lib/temporal-ui-gateway';
import { ensureLocalSecrets } from './lib/local-secrets';
import { printQuickStart } from './quick-start-banner';
import { errorMessage } from '../src/common/error-text';

const root = repoRoot();
const dataDir = join(root, '.data');
const logDir = join(dataDir, 'logs');
const port = Number(process.env.PORT ?? 3000);
const running: RunningServer[] = [];

async function main(): Promise<void> {
  // `on`, not `once`: a second Ctrl-C must not fall through to the default (kill without stopping children).
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Unless the environment brings its own (AUTH_JWT_SECRET or an identity provider's JWKS).
  const secrets = ensureLocalSecrets(dataDir);
  if (!process.env.AUTH_JWT_SECRET && !process.env.AUTH_JWKS_URL) process.env.AUTH_JWT_SECRET = secrets.jwtSecret;
  // Workflow payloads reach Temporal encrypted, as in production, unless keys are given.
  process.env.PAYLOAD_KEYS ||= secrets.payloadKeys;
  process.env.EVIDENCE_SIGNING_KEY ||= secrets.evidenceSigningKey;
  process.env.ID_HMAC_SECRET ||= secrets.idHmacSecret;

  let temporalUi: string | undefined;
  if (!process.env.TEMPORAL_ADDRESS) {
    say('starting Temporal dev server (data: .data/temporal.db)');
    const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
    // Support staff open the UI at uiPort, where the gateway serves it and the API's /codec on
    // one origin: the UI decrypts histories with the support session the console opens.
    temporalUi = `http://localhost:${uiPort}`;
    const devServerUiPort = await findFreePort();
    const temporal = await startTemporalDevServer({
      port: Number(process.env.TEMPORAL_PORT ?? 7233),
      uiPort: devServerUiPort,
      dbFilename: join(dataDir, 'temporal.db'),
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      uiCodecEndpoint: `${temporalUi}/codec`,
      logFile: join(logDir, 'temporal.log'),
    });
    running.push(temporal);
    running.push(
      await startTemporalUiGateway({ port: uiPort, uiUpstream: { host: '127.0.0.1', port: devServerUiPort }, apiUpstream: { host: '127.0.0.1', port } }),
    );
    process.env.TEMPORAL_ADDRESS = temporal.address;
    // The console links each report to its page there.
    process.env.TEMPORAL_UI_URL ||= temporalUi;
  }
  if (!process.env.MONGO_URL) {
    say('starting FerretDB (data: .data/ferretdb/)');
    const ferret = await startFerretDb({
      port: Number(process.env.FERRETDB_PORT ?? 27017),
      dataDir: join(dataDir, 'ferretdb'),
      logFile: join(logDir, 'ferretdb.log'),
    });
    running.push(ferret);
    process.env.MONGO_URL = ferret.url('reports');
  }

  say('loading demo data');
  await runToCompletion(join(root, 'dist', 'src', 'demo', 'load-demo-data.js'));

  say('starting worker and API (logs: .data/logs/)');
  const dist = join(root, 'dist', 'src');
  running.push(await startNodeProcess('worker', join(dist, 'worker', 'main.js'), join(logDir, 'worker.log'), workerStarted(), WORKER_PROCESS));
  running.push(await startNodeProcess('api', join(dist, 'main.js'), join(logDir, 'api.log'), apiHealthy(port)));
  await printQuickStart({ idSecret: process.env.ID_HMAC_SECRET, apiUrl: `http://localhost:${port}`, temporalUi, jwtSecret: process.env.AUTH_JWT_SECRET });
}

function runToCompletion(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

let stopping = false;
async function shutdown(reason: string, exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  say(
    `${reason}: stopping ${
      running
        .map((s) => s.name)
        .reverse()
        .join(', ') || 'nothing'
    }`,
  );
  // Newest first: the API, then the worker (it finishes in-flight tasks), then the servers.
  for (const server of [...running].reverse()) await server.stop();
  say('stopped');
  process.exit(exitCode);
}

function say(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

main().catch(async (error) => {
  process.stderr.write(`[start] failed: ${errorMessage(error)}\n`);
  await shutdown('failure', 1);
});
