/**
 * Runs the embedded dev servers (Temporal dev server, FerretDB) as child processes, for the
 * `npm start` orchestrator and jest's global set-up. Binaries come from .tools/bin/, which
 * scripts/install-tools.sh (npm postinstall) fills.
 */
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { MongoClient } from 'mongodb';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningServer, spawnServer } from './child-process';

export type { RunningServer } from './child-process';

/** Generous: this runs on 2 slow cores, sometimes next to a jest run. */
const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 100;
const RPC_TIMEOUT_MS = 5_000;
const PORT_CLASH_ATTEMPTS = 3;

/** The clone's root, whether this file runs from scripts/lib (ts-jest) or dist/scripts/lib (tsc). */
export function repoRoot(): string {
  let root = path.resolve(__dirname, '..', '..');
  if (path.basename(root) === 'dist') root = path.dirname(root);
  if (!fs.existsSync(path.join(root, 'package.json'))) {
    throw new Error(`Cannot locate the repository root from ${__dirname} (no package.json in ${root})`);
  }
  return root;
}

export function toolPath(name: 'temporal' | 'temporal-test-server' | 'ferretdb'): string {
  const file = path.join(repoRoot(), '.tools', 'bin', name);
  // existsSync follows the symlink, so a link into a deleted cache entry counts as missing.
  if (!fs.existsSync(file)) {
    throw new Error(`${name} is not installed (${file} missing). Run \`npm install\` (or \`bash scripts/install-tools.sh\`).`);
  }
  return file;
}

export async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitForPort(port: number, host: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host, timeout: 1000 });
      const done = (result: boolean) => (socket.destroy(), resolve(result));
      socket
        .once('connect', () => done(true))
        .once('error', () => done(false))
        .once('timeout', () => done(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Nothing listening on ${host}:${port} after ${timeoutMs} ms`);
    await sleep(POLL_MS, undefined, { signal });
  }
}

/** Retries `attempt` until it resolves; on timeout, throws with the last error it gave. */
async function retry<T>(what: string, deadline: number, signal: AbortSignal, attempt: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await attempt();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${(err as Error).message}`, { cause: err });
    }
    await sleep(POLL_MS, undefined, { signal });
  }
}

export type SearchAttributeType = 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';
/** Values of temporal.api.enums.v1.IndexedValueType. */
const { IndexedValueType } = temporal.api.enums.v1;
const INDEXED_VALUE_TYPE: Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType> = {
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

export interface TemporalDevServerOptions {
  port: number;
  uiPort: number;
  ip?: string;
  dbFilename?: string;
  namespace?: string;
  headless?: boolean;
  /**
   * Remote codec the Web UI sends encrypted payloads to (this service's `/codec`). The CLI has
   * no flag to make the UI send credentials with it, so `npm start` puts it on the UI's own
   * origin (temporal-ui-gateway.ts), where the browser sends the support session cookie.
   */
  uiCodecEndpoint?: string;
  logFile?: string;
  searchAttributes: Record<string, SearchAttributeType>;
  /** Picks the HTTP API and metrics ports; a free port by default. */
  choosePort?: () => Promise<number>;
}

export async function startTemporalDevServer(o: TemporalDevServerOptions): Promise<RunningServer & { address: string; uiUrl: string }> {
  const ip = o.ip ?? '127.0.0.1';
  const namespace = o.namespace ?? 'default';
  const address = `${ip}:${o.port}`;
  const args = ['server', 'start-dev', '--ip', ip, '--port', String(o.port), '--ui-port', String(o.uiPort)];
  if (o.dbFilename) {
    fs.mkdirSync(path.dirname(o.dbFilename), { recursive: true });
    args.push('--db-filename', o.dbFilename);
  }
  if (o.headless) args.push('--headless');
  if (o.uiCodecEndpoint) args.push('--ui-codec-endpoint', o.uiCodecEndpoint);
  args.push('--namespace', namespace);
  for (const [name, type] of Object.entries(o.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  // No phoning home: server version check and UI news feed.
  args.push('--dynamic-config-value', 'frontend.enableServerVersionCheck=false', '--ui-disable-news-fetch');
  args.push('--log-level', 'warn');

  // The HTTP API and metrics ports are chosen free, then bound moments later by the CLI; another
  // server starting at the same time (a parallel test file, the chaos cluster) can take one in
  // between. The process then exits with "address already in use": start it again on new ones.
  const choosePort = o.choosePort ?? findFreePort;
  const spawnOnFreeSidePorts = async () => {
    for (let attempt = 1; ; attempt++) {
      const sidePorts = ['--http-port', String(await choosePort()), '--metrics-port', String(await choosePort())];
      try {
        return await spawnTemporalDevServer([...args, ...sidePorts], { ip, address, namespace }, o);
      } catch (err) {
        if (attempt >= PORT_CLASH_ATTEMPTS || !/address already in use/.test((err as Error).message)) throw err;
      }
    }
  };
  const server = await spawnOnFreeSidePorts();
  return { name: server.name, pid: server.pid, stop: server.stop, address, uiUrl: `http://${ip}:${o.uiPort}` };
}

async function spawnTemporalDevServer(
  args: string[],
  { ip, address, namespace }: { ip: string; address: string; namespace: string },
  o: TemporalDevServerOptions,
): Promise<RunningServer> {
  const server = spawnServer('temporal dev server', toolPath('temporal'), args, o.logFile);
  await server.startup(async (signal) => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await waitForPort(o.port, ip, READY_TIMEOUT_MS, signal);
    // Lazy: a failed Connection.connect() leaves its gRPC channel open (keeping Node alive), and
    // caches its failure. The first RPC connects instead; every RPC is cut by `signal` and a deadline.
    const connection = Connection.lazy({ address });
    const rpc = <T>(fn: () => Promise<T>) => connection.withAbortSignal(signal, () => connection.withDeadline(Date.now() + RPC_TIMEOUT_MS, fn));
    try {
      await retry(`namespace ${namespace}`, deadline, signal, () => rpc(() => connection.workflowService.describeNamespace({ namespace })));
      await ensureSearchAttributes(connection, rpc, namespace, o.searchAttributes, deadline, signal, o.dbFilename);
    } finally {
      await connection.close();
    }
  });
  return { name: server.name, pid: server.pid, stop: server.stop };
}

/**
 * The --search-attribute flags only take effect when the database is created: restarting with an
 * existing --db-filename silently ignores new attributes (and type changes). So add missing ones
 * through the operator API, and fail loudly on a type change.
 */
async function ensureSearchAttributes(
  connection: Connection,
  rpc: <T>(fn: () => Promise<T>) => Promise<T>,
  namespace: string,
  wanted: Record<string, SearchAttributeType>,
  deadline: number,
  signal: AbortSignal,
  dbFilename?: string,
): Promise<void> {
  const list = () =>
    retry(
      'search attributes',
      deadline,
      signal,
      async () => (await rpc(() => connection.operatorService.listSearchAttributes({ namespace }))).customAttributes ?? {},
    );
  let existing = await list();
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const [name, type] of Object.entries(wanted)) {
    const have = existing[name];
    if (have === undefined) missing[name] = INDEXED_VALUE_TYPE[type];
    else if (have !== INDEXED_VALUE_TYPE[type]) {
      const haveName = Object.keys(INDEXED_VALUE_TYPE).find((k) => INDEXED_VALUE_TYPE[k as SearchAttributeType] === have);
      throw new Error(
        `Search attribute ${name} is registered as ${haveName ?? have}, not ${type}` + (dbFilename ? `; delete ${dbFilename} to start over` : ''),
      );
    }
  }
  if (Object.keys(missing).length === 0) return;
  await rpc(() => connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing }));
  while (Object.keys(missing).some((name) => !(name in existing))) {
    if (Date.now() > deadline) throw new Error(`Search attributes not registered in time: ${Object.keys(missing).join(', ')}`);
    await sleep(POLL_MS, undefined, { signal });
    existing = await list();
  }
}

export interface FerretDbOptions {
  port: number;
  dataDir: string;
  logFile?: string;
}

/**
 * Go collects garbage each time the heap doubles (GOGC=100); FerretDB's live heap is small and
 * it allocates on every command, so about a sixth of its CPU went to collection. At 400 it
 * collects a quarter as often: 18% less FerretDB CPU per report lifecycle for 12 MB more RSS
 * (54 MB). It needs about a quarter of a core under the
 * benchmark, but Go runs it on as many threads as there are cores, which hand work to each other
 * and spin looking for more (a tenth of its samples); on one (GOMAXPROCS=1) its CPU per lifecycle
 * fell by a fifth. A GOGC or GOMAXPROCS set by the caller wins.
 */
export function ferretDbEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { GOGC: env.GOGC ?? '400', GOMAXPROCS: env.GOMAXPROCS ?? '1' };
}

export async function startFerretDb(o: FerretDbOptions): Promise<RunningServer & { url: (dbName: string) => string }> {
  const url = (dbName: string) => `mongodb://127.0.0.1:${o.port}/${dbName}?directConnection=true`;
  const args = ['--listen', `127.0.0.1:${o.port}`, '--data-dir', o.dataDir];
  const server = spawnServer('ferretdb', toolPath('ferretdb'), args, o.logFile, ferretDbEnv());
  await server.startup(async (signal) => {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await waitForPort(o.port, '127.0.0.1', READY_TIMEOUT_MS, signal);
    await retry('FerretDB ping', deadline, signal, async () => {
      const client = new MongoClient(url('admin'), { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000 });
      try {
        await client.db('admin').command({ ping: 1 });
      } finally {
        await client.close();
      }
    });
  });
  return { name: server.name, pid: server.pid, stop: server.stop, url };
}
