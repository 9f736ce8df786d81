/**
 * The same-shape yardstick's worker: the product's own workflow bundle on a task queue of its
 * own, with no-op activities named by the product's activity factory, and the product worker's
 * connection, tuning and codec, so the two differ only in what the steps do.
 */
import { NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { temporalConnectionOptions } from '../../src/temporal/connection-options';
import { workerTuningOptions } from '../../src/worker/create-worker';
import { errorStack } from '../../src/common/error-text';
import { noOpActivities } from './no-op-activities';

import { BASELINE_TASK_QUEUE } from './same-shape';

async function main(): Promise<void> {
  Runtime.install({ telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const config = new AppConfig();
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: BASELINE_TASK_QUEUE,
    // Built by `npm run build` (prebench) from workflows/, as the product worker runs it.
    workflowBundle: { codePath: join(__dirname, '..', '..', 'workflow-bundle.js') },
    activities: noOpActivities(),
    ...workerTuningOptions(config),
    dataConverter: payloadDataConverter(config.payloadKeys),
  });
  process.stdout.write('baseline worker started\n');
  await worker.run();
  await connection.close();
}

main().catch((error) => {
  process.stderr.write(`baseline worker failed: ${errorStack(error)}\n`);
  process.exit(1);
});
