import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { generateSigningKey } from '../../src/config/evidence-keys';
import { formatPayloadKey } from '../../src/payload-encryption/payload-keys';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/definitions';
import { RunningServer } from '../lib/child-process';
import { findFreePort, repoRoot, startFerretDb, startTemporalDevServer } from '../lib/local-servers';
import { WORKER_PROCESS, apiHealthy, startNodeProcess, workerStarted } from '../lib/node-process';

export const COMPONENTS = ['worker', 'api', 'ferretdb', 'temporal'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * The embedded default as separate processes (Temporal dev server with a data file, FerretDB
 * with its SQLite directory, API, worker), each of which the chaos run kills with SIGKILL and
 * starts again on the same port and the same data.
 */
export class ChaosCluster {
  apiUrl = '';
  mongoUrl = '';
  temporalAddress = '';
  readonly taskQueue = 'chaos-report-lifecycle';
  private readonly servers: Partial<Record<Component, RunningServer>> = {};
  private ports = { temporal: 0, ui: 0, db: 0, api: 0 };

  /** `workerScript`: the compiled worker entry point, relative to dist/ (the product's, or the chaos run's broken one). */
  constructor(
    private readonly dir: string,
    private readonly workerScript = join('src', 'worker', 'main.js'),
  ) {}

  get temporalDbFile(): string {
    return join(this.dir, 'temporal.db');
  }

  async start(): Promise<void> {
    this.ports = { temporal: await findFreePort(), ui: await findFreePort(), db: await findFreePort(), api: await findFreePort() };
    await Promise.all([this.startComponent('temporal'), this.startComponent('ferretdb')]);
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
      // One evidence signing key for the API and the workers, or roots signed by the worker do not verify in the API (R6).
      EVIDENCE_SIGNING_KEY: process.env.EVIDENCE_SIGNING_KEY || generateSigningKey('chaos'),
      // Likewise the id secret: a filing retried after an API kill must find its report.
      ID_HMAC_SECRET: process.env.ID_HMAC_SECRET || randomBytes(32).toString('base64url'),
      // The start sweep makes up starts an API crash lost; sooner than the 30 s default, so a run waits less for it.
      START_SWEEP_INTERVAL: process.env.START_SWEEP_INTERVAL ?? '5s',
      START_SWEEP_GRACE: process.env.START_SWEEP_GRACE ?? '5s',
    });
    await this.startComponent('worker');
    await this.startComponent('api');
  }

  /** SIGKILL: no drain, no flush, no goodbye; Temporal must retry the tasks, the clients their calls. */
  async kill(component: Component): Promise<void> {
    const server = this.servers[component];
    if (!server) return;
    process.kill(server.pid, 'SIGKILL');
    await server.stop(); // resolves once the exit is seen
    delete this.servers[component];
  }

  /** Starts the component on its port and data (the same Temporal file, the same FerretDB directory). */
  async startComponent(component: Component): Promise<void> {
    if (component === 'temporal') {
      const server = await startTemporalDevServer({
        port: this.ports.temporal,
        uiPort: this.ports.ui,
        headless: true,
        dbFilename: this.temporalDbFile,
        searchAttributes: SEARCH_ATTRIBUTE_TYPES,
        logFile: this.log('temporal'),
      });
      this.temporalAddress = server.address;
      this.servers.temporal = server;
    } else if (component === 'ferretdb') {
      const server = await startFerretDb({ port: this.ports.db, dataDir: join(this.dir, 'ferretdb'), logFile: this.log('ferretdb') });
      this.mongoUrl = server.url('chaos');
      this.servers.ferretdb = server;
    } else if (component === 'worker') {
      this.servers.worker = await startNodeProcess('worker', this.dist(this.workerScript), this.log('worker'), workerStarted(), WORKER_PROCESS);
    } else {
      this.servers.api = await startNodeProcess('api', this.dist(join('src', 'main.js')), this.log('api'), apiHealthy(this.ports.api));
    }
  }

  /** The components whose process has gone without being killed by the run (a crash of its own). */
  exitedOnTheirOwn(): Component[] {
    return COMPONENTS.filter((c) => this.servers[c] !== undefined && !isAlive(this.servers[c].pid));
  }

  /** Forgets a component that exited on its own, so that it can be started again. */
  forget(component: Component): void {
    delete this.servers[component];
  }

  async stop(): Promise<void> {
    for (const c of ['api', 'worker', 'ferretdb', 'temporal'] as const) await this.servers[c]?.stop();
  }

  logFile(component: Component): string {
    return this.log(component);
  }

  private dist(script: string): string {
    return join(repoRoot(), 'dist', script);
  }

  private log(name: string): string {
    return join(this.dir, 'logs', `${name}.log`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
