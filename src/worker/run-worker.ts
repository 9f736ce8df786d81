import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { DefaultLogger, LogLevel, NativeConnection, Runtime, WorkerOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection as MongoConnection } from 'mongoose';
import { Logger, PinoLogger } from 'nestjs-pino';
import { Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';
import { temporalConnectionOptions } from '../temporal/connection-options';
import { WorkflowStarts } from '../temporal/workflow-starts.service';
import { errorStack } from '../common/error-text';
import { WorkerModule } from './worker.module';
import { WorkflowSource, createReportWorker } from './create-worker';
import { startWorkerHttp } from './worker-http';

/** `npm run build` bundles the workflows once; without it (ts-node, dev) the worker bundles at start. */
function workflowSource(): WorkflowSource {
  const prebuilt = join(__dirname, '..', '..', 'workflow-bundle.js');
  return existsSync(prebuilt) ? { workflowBundle: { codePath: prebuilt } } : { workflowsPath: require.resolve('../../workflows') };
}

/**
 * The worker process: its Nest container, the Temporal connection, the worker and its health
 * endpoint, until SIGINT/SIGTERM. `options` are passed on to `createReportWorker` (another
 * entry point can run the same process with other activities).
 */
export async function runWorker(options: (app: INestApplicationContext) => Partial<WorkerOptions> = () => ({})): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  const log = await app.resolve(PinoLogger);
  log.setContext('worker');
  // Once per process and before any connection, hence here and not in tests' in-process workers.
  // The SDK's own logs go through the same structured logger; its metrics are opt-in.
  Runtime.install({
    logger: new DefaultLogger(config.logLevel === 'debug' ? 'DEBUG' : 'INFO', ({ level, message, meta }) =>
      log[toPino(level)]({ ...meta, sdk: true }, message),
    ),
    ...(config.temporalMetricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.temporalMetricsAddress } } } } : {}),
  });
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await createReportWorker(app, connection, workflowSource(), options(app));
  app.get(WorkflowStarts).startEagerlyThrough(connection, worker.options.identity);
  const http = await startWorkerHttp(config.workerHealthPort, {
    worker,
    temporal: connection,
    mongo: app.get<MongoConnection>(getConnectionToken()),
    registry: app.get(Registry),
    sdkMetricsAddress: config.temporalMetricsAddress,
  });
  log.info(
    {
      taskQueue: config.taskQueue,
      namespace: config.temporalNamespace,
      identity: worker.options.identity,
      healthPort: config.workerHealthPort,
    },
    'worker started',
  );
  // Worker.run() stops on SIGINT/SIGTERM after in-flight tasks finish; then close the rest.
  await worker.run();
  http.close();
  await connection.close();
  await app.close();
  log.info('worker stopped');
}

function toPino(level: LogLevel): 'trace' | 'debug' | 'info' | 'warn' | 'error' {
  return level === 'TRACE' ? 'trace' : level === 'DEBUG' ? 'debug' : level === 'WARN' ? 'warn' : level === 'ERROR' ? 'error' : 'info';
}

/** Ends the process on a start-up failure with one structured line. */
export function exitOnFailure(error: unknown): never {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'worker failed', err: errorStack(error) })}\n`);
  process.exit(1);
}
