import { createServer, Server } from 'node:http';
import type { Connection as MongoConnection } from 'mongoose';
import type { Registry } from 'prom-client';
import type { NativeConnection, Worker } from '@temporalio/worker';

export interface WorkerProbes {
  worker: Worker;
  temporal: NativeConnection;
  mongo: MongoConnection;
  registry: Registry;
  /** host:port of the SDK's Prometheus exporter, whose text is appended to `/metrics`. */
  sdkMetricsAddress?: string;
}

type Check = Record<string, { status: 'up' | 'down'; message?: string }>;

/**
 * The worker has no Nest HTTP layer: a small server gives it the API's `/health/live`,
 * `/health/ready` (same terminus-style body) and `/metrics`, for orchestrators and scrapers.
 */
export function startWorkerHttp(port: number, probes: WorkerProbes): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type }).end(body);
    };
    const path = (req.url ?? '/').split('?')[0];
    const answer = async () => {
      if (req.method !== 'GET') return send(405, JSON.stringify({ code: 'METHOD_NOT_ALLOWED', message: 'Only GET is served here.' }));
      if (path === '/health/live') return send(200, JSON.stringify(terminusBody({ process: { status: 'up' } })));
      if (path === '/health/ready') {
        const checks = await readiness(probes);
        const ok = Object.values(checks).every((c) => c.status === 'up');
        return send(ok ? 200 : 503, JSON.stringify(terminusBody(checks)));
      }
      if (path === '/metrics') return send(200, await metricsText(probes), probes.registry.contentType);
      return send(404, JSON.stringify({ code: 'NOT_FOUND', message: `No route ${path} on the worker.` }));
    };
    answer().catch((error) => send(500, JSON.stringify({ code: 'INTERNAL', message: (error as Error).message })));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

async function readiness({ worker, temporal, mongo }: WorkerProbes): Promise<Check> {
  const probe = async (check: () => Promise<unknown>) => {
    try {
      await check();
      return { status: 'up' as const };
    } catch (error) {
      return { status: 'down' as const, message: (error as Error).message };
    }
  };
  const [temporalState, mongoState] = await Promise.all([
    probe(() => temporal.withDeadline(Date.now() + 2_000, () => temporal.healthService.check({}))),
    probe(async () => {
      if (!mongo.db) throw new Error('not connected');
      await mongo.db.admin().ping({ maxTimeMS: 2_000 });
    }),
  ]);
  const state = worker.getState();
  const polling = state === 'RUNNING' ? { status: 'up' as const } : { status: 'down' as const, message: `worker is ${state}` };
  return { worker: polling, temporal: temporalState, mongo: mongoState };
}

function terminusBody(checks: Check) {
  const up = Object.fromEntries(Object.entries(checks).filter(([, c]) => c.status === 'up'));
  const down = Object.fromEntries(Object.entries(checks).filter(([, c]) => c.status === 'down'));
  return { status: Object.keys(down).length ? 'error' : 'ok', info: up, error: down, details: checks };
}

async function metricsText({ registry, sdkMetricsAddress }: WorkerProbes): Promise<string> {
  const own = await registry.metrics();
  if (!sdkMetricsAddress) return own;
  try {
    const url = `http://${sdkMetricsAddress.replace(/^0\.0\.0\.0:/, '127.0.0.1:')}/metrics`;
    const sdk = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return `${own}\n${await sdk.text()}`;
  } catch {
    // The business figures matter more than a missing SDK scrape; Prometheus shows the gap.
    return own;
  }
}
