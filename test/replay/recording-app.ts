import { getConnectionToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Connection as MongoConnection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createHttpApp } from '../../src/http-app';
import type { PayloadKey } from '../../src/payload-encryption/encryption-codec';
import { formatPayloadKey, payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { createReportWorker } from '../../src/worker/create-worker';
import { bearer } from '../support/auth';
import type { TestServers } from '../support/test-env';

/** Names the recording worker and client in the history instead of the recording machine's pid@host. */
export const RECORDER_IDENTITY = 'history-recorder';

export interface RecordingApp {
  http: () => ReturnType<typeof request.agent>;
  /** A client with the same payload keys as the app: signals and updates it sends decode in the worker. */
  temporal: Client;
  mongo: MongoConnection;
  close: () => Promise<void>;
}

/**
 * The real API and worker in this process, as the e2e tests run them (test/support/test-app.ts),
 * but with the payload keys the scenario asks for (none: plaintext) instead of the run's random
 * key, and with the environment restored on close so one scenario's settings never reach the next.
 */
export async function startRecordingApp(servers: TestServers, name: string, payloadKeys: PayloadKey[], env: Record<string, string>): Promise<RecordingApp> {
  const before = { ...process.env };
  const suffix = randomUUID().slice(0, 8);
  Object.assign(process.env, {
    MONGO_URL: servers.mongoBaseUrl(`rec_${name}_${suffix}`.replace(/-/g, '_')),
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_TASK_QUEUE: `record-${name}-${suffix}`,
    LOG_LEVEL: 'silent',
    WORKER_IDENTITY: RECORDER_IDENTITY,
    PAYLOAD_KEYS: payloadKeys.map(formatPayloadKey).join(','),
    ...env,
  });
  const app: NestExpressApplication = await createHttpApp();
  await app.init();
  const nativeConnection = await NativeConnection.connect({ address: servers.temporalAddress });
  const worker = await createReportWorker(app, nativeConnection, { workflowBundle: { codePath: servers.workflowBundlePath } });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address: servers.temporalAddress });
  const mongo = app.get<MongoConnection>(getConnectionToken());
  const allRoles = await bearer();
  return {
    http: () => request.agent(app.getHttpServer()).set('Authorization', allRoles),
    temporal: new Client({ connection: clientConnection, dataConverter: payloadDataConverter(payloadKeys), identity: RECORDER_IDENTITY }),
    mongo,
    close: async () => {
      worker.shutdown();
      await running;
      await mongo.dropDatabase();
      await app.close();
      await nativeConnection.close();
      await clientConnection.close();
      for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
      Object.assign(process.env, before);
    },
  };
}
