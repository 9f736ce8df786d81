/**
 * The embedded default, started for one benchmark run: Temporal dev server and FerretDB on
 * free ports with temporary data, then the API, the product worker and the baseline worker,
 * each a child process of its own so its memory can be read from /proc.
 */
import { Client, Connection } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningServer } from '../../scripts/lib/child-process';
import { findFreePort, repoRoot, startFerretDb, startTemporalDevServer } from '../../scripts/lib/local-servers';
import { WORKER_PROCESS, apiHealthy, loggedLine, startNodeProcess, workerStarted } from '../../scripts/lib/node-process';
import { throwAwayServiceAuth } from '../../scripts/lib/service-token';
import { generateSigningKey } from '../../src/config/evidence-keys';
import { formatPayloadKey, parsePayloadKeys, payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';

export interface Stack {
  apiUrl: string;
  /** Bearer with every role for the API this stack started. */
  authorization: string;
  temporal: Client;
  mongo: MongoClient;
  pids: { api: number; worker: number; baselineWorker: number; temporal: number; ferretdb: number };
  /** The product worker's Prometheus endpoint. */
  workerMetricsUrl: string;
  dir: string;
  stop(): Promise<void>;
}

export async function startStack(log: (line: string) => void): Promise<Stack> {
  const dir = await mkdtemp(join(tmpdir(), 'report-lifecycle-bench-'));
  const running: RunningServer[] = [];
  const ports = new Set<number>();
  while (ports.size < 5) ports.add(await findFreePort());
  const [temporalPort, uiPort, mongoPort, apiPort, workerHealthPort] = [...ports];
  try {
    log(`servers: temporal :${temporalPort}, ferretdb :${mongoPort} (data in ${dir})`);
    const [temporalServer, ferret] = await Promise.all([
      startTemporalDevServer({
        port: temporalPort,
        uiPort,
        dbFilename: join(dir, 'temporal.db'),
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        logFile: join(dir, 'temporal.log'),
      }),
      startFerretDb({ port: mongoPort, dataDir: join(dir, 'ferretdb'), logFile: join(dir, 'ferretdb.log') }),
    ]);
    running.push(temporalServer, ferret);
    const authorization = await throwAwayServiceAuth('mod-bench');
    // The children inherit this process's environment (spawnServer passes it on).
    Object.assign(process.env, {
      TEMPORAL_ADDRESS: temporalServer.address,
      MONGO_URL: ferret.url('bench'),
      PORT: String(apiPort),
      WORKER_HEALTH_PORT: String(workerHealthPort),
      // Encrypted payloads, as in production: the figures include the codec's cost.
      PAYLOAD_KEYS: process.env.PAYLOAD_KEYS || formatPayloadKey({ id: 'bench', key: randomBytes(32) }),
      // One evidence signing key for the API and the workers, or roots signed by the worker do not verify in the API (R6).
      EVIDENCE_SIGNING_KEY: process.env.EVIDENCE_SIGNING_KEY || generateSigningKey('bench'),
      ID_HMAC_SECRET: process.env.ID_HMAC_SECRET || randomBytes(32).toString('base64url'),
    });
    const dist = join(repoRoot(), 'dist');
    log('starting worker, baseline worker and API');
    const worker = await startNodeProcess('worker', join(dist, 'src', 'worker', 'main.js'), join(dir, 'worker.log'), workerStarted(), WORKER_PROCESS);
    running.push(worker);
    const baselineWorker = await startNodeProcess(
      'baseline-worker',
      join(dist, 'bench', 'baseline', 'worker.js'),
      join(dir, 'baseline-worker.log'),
      loggedLine('baseline worker started'),
      // The same worker settings, process flags included.
      WORKER_PROCESS,
    );
    running.push(baselineWorker);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const api = await startNodeProcess('api', join(dist, 'src', 'main.js'), join(dir, 'api.log'), apiHealthy(apiPort));
    running.push(api);

    const connection = await Connection.connect({ address: temporalServer.address });
    const mongo = await MongoClient.connect(ferret.url('bench'));
    return {
      apiUrl,
      authorization,
      // The same codec as the API: results of both workflows come back encrypted.
      temporal: new Client({ connection, dataConverter: payloadDataConverter(parsePayloadKeys(process.env.PAYLOAD_KEYS ?? '')) }),
      mongo,
      workerMetricsUrl: `http://127.0.0.1:${workerHealthPort}/metrics`,
      pids: { api: api.pid, worker: worker.pid, baselineWorker: baselineWorker.pid, temporal: temporalServer.pid, ferretdb: ferret.pid },
      dir,
      stop: async () => {
        await connection.close();
        await mongo.close();
        for (const server of [...running].reverse()) await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const server of [...running].reverse()) await server.stop();
    throw new Error(`${(error as Error).message}\n(logs kept in ${dir})`, { cause: error });
  }
}

/** Resident memory of a process in MB, from /proc (Linux only; NaN elsewhere). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}
