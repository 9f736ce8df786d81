import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '../../src/worker/worker.module';
import { testServers } from './test-env';

/** The worker's dependency container on a fresh database of the run's FerretDB. */
export async function startWorkerContext(name: string, env: Record<string, string> = {}) {
  Object.assign(process.env, {
    MONGO_URL: testServers().mongoBaseUrl(`t_${name}_${randomUUID().slice(0, 8)}`),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  const mongo = app.get<Connection>(getConnectionToken());
  return {
    app,
    mongo,
    close: async () => {
      await mongo.dropDatabase();
      await app.close();
    },
  };
}
