import { NativeConnection, Worker } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Connection as MongoConnection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createHttpApp } from '../../src/http-app';
import { payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { createReportWorker } from '../../src/worker/create-worker';
import { bearer } from './auth';
import { testServers } from './test-env';

export interface TestApp {
  app: NestExpressApplication;
  /** Requests carrying a token with every role (subject `mod-1`); `.set('Authorization', ...)` overrides it. */
  http: () => ReturnType<typeof request.agent>;
  /** A client of the same Temporal server, for reading histories and sending signals. */
  temporal: Client;
  mongo: MongoConnection;
  taskQueue: string;
  close: () => Promise<void>;
}

let overriddenBefore: string[] = [];

/**
 * The real API and a real worker in this process, against the run's Temporal dev server and
 * FerretDB, with a database and task queue of their own so test files cannot see each other.
 */
export async function startTestApp(
  name: string,
  env: Record<string, string> = {},
  options: { worker?: boolean; temporalAddress?: string } = {},
): Promise<TestApp> {
  const servers = testServers();
  // Another Temporal server than the run's (e.g. one with its Web UI, for the browser test).
  const temporalAddress = options.temporalAddress ?? servers.temporalAddress;
  // One file's overrides (e.g. a short deadline) must not leak into the next file's app.
  for (const key of overriddenBefore) delete process.env[key];
  overriddenBefore = Object.keys(env);
  const suffix = randomUUID().slice(0, 8);
  const taskQueue = `test-${name}-${suffix}`;
  Object.assign(process.env, {
    MONGO_URL: servers.mongoBaseUrl(`t_${name}_${suffix}`.replace(/-/g, '_')),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await createHttpApp();
  await app.init();
  const runWorker = options.worker ?? true;
  const nativeConnection = runWorker ? await NativeConnection.connect({ address: temporalAddress }) : undefined;
  const worker: Worker | undefined = nativeConnection
    ? await createReportWorker(app, nativeConnection, { workflowBundle: { codePath: servers.workflowBundlePath } })
    : undefined;
  const running = worker?.run();
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const mongo = app.get<MongoConnection>(getConnectionToken());
  const allRoles = await bearer();
  return {
    app,
    http: () => request.agent(app.getHttpServer()).set('Authorization', allRoles),
    temporal: new Client({ connection: clientConnection, dataConverter: payloadDataConverter(servers.payloadKeys) }),
    mongo,
    taskQueue,
    close: async () => {
      worker?.shutdown();
      await running;
      await mongo.dropDatabase();
      await app.close();
      await nativeConnection?.close();
      await clientConnection.close();
    },
  };
}

/** Polls until `probe` returns a value that `accept` likes; for state that workflows write asynchronously. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await probe();
  }
  return last;
}
