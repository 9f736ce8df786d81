import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { formatPayloadKey } from '../../src/payload-encryption/payload-keys';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { RunningServer } from '../lib/child-process';
import { findFreePort, repoRoot, startFerretDb, startTemporalDevServer } from '../lib/local-servers';
import { WORKER_PROCESS, apiHealthy, startNodeProcess, workerStarted } from '../lib/node-process';

/**
 * The embedded default as separate processes (Temporal dev server with a data file, FerretDB,
 * API, worker), each of which the chaos run can kill or restart.
 */
export class ChaosCluster {
  apiUrl = '';
  mongoUrl = '';
  temporalAddress = '';
  readonly taskQueue = 'chaos-report-lifecycle';
  private temporal?: RunningServer;
  private db?: RunningServer;
  private api?: RunningServer;
  private worker?: RunningServer;
  private ports = { temporal: 0, ui: 0, db: 0, api: 0 };

  constructor(private readonly dir: string) {}

  async start(): Promise<void> {
    this.ports = { temporal: await findFreePort(), ui: await findFreePort(), db: await findFreePort(), api: await findFreePort() };
    await Promise.all([this.startTemporal(), this.startDb()]);
    this.apiUrl = `http://127.0.0.1:${this.ports.api}`;
    Object.assign(process.env, {
      PORT: String(this.ports.api),
      MONGO_URL: this.mongoUrl,
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      // info: the worker's "worker started" line is how a restart is known to be ready.
      LOG_LEVEL: 'info',
      // Encrypted payloads, as in production; restarts keep the key (it lives in this process).
      PAYLOAD_KEYS: process.env.PAYLOAD_KEYS || formatPayloadKey({ id: 'chaos', key: randomBytes(32) }),
    });
    await this.startWorker();
    this.api = await startNodeProcess('api', this.script('main.js'), this.log('api'), apiHealthy(this.ports.api));
  }

  /**
   * SIGKILL: the worker gets no chance to finish anything and Temporal must retry its tasks.
   * SIGTERM: the worker drains (in-flight activities get their grace time) and exits.
   */
  async stopWorker(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    if (!this.worker) return;
    if (signal === 'SIGKILL') process.kill(this.worker.pid, 'SIGKILL');
    await this.worker.stop();
    this.worker = undefined;
  }

  async startWorker(): Promise<void> {
    this.worker = await startNodeProcess('worker', this.script('worker/main.js'), this.log('worker'), workerStarted(), WORKER_PROCESS);
  }

  async restartDb(): Promise<void> {
    await this.db?.stop();
    await this.startDb();
  }

  async restartTemporal(): Promise<void> {
    await this.temporal?.stop();
    await this.startTemporal();
  }

  async stop(): Promise<void> {
    for (const server of [this.api, this.worker, this.db, this.temporal]) await server?.stop();
  }

  private async startTemporal(): Promise<void> {
    const server = await startTemporalDevServer({
      port: this.ports.temporal,
      uiPort: this.ports.ui,
      headless: true,
      dbFilename: join(this.dir, 'temporal.db'),
      searchAttributes: SEARCH_ATTRIBUTE_TYPES,
      logFile: this.log('temporal'),
    });
    this.temporal = server;
    this.temporalAddress = server.address;
  }

  private async startDb(): Promise<void> {
    const server = await startFerretDb({ port: this.ports.db, dataDir: join(this.dir, 'ferretdb'), logFile: this.log('ferretdb') });
    this.db = server;
    this.mongoUrl = server.url('chaos');
  }

  private script(name: string): string {
    return join(repoRoot(), 'dist', 'src', name);
  }

  private log(name: string): string {
    return join(this.dir, 'logs', `${name}.log`);
  }
}
