/**
 * The baseline's worker, a process of its own like the product worker, with the same
 * connection and tuning settings, so the two differ only in what the workflow does.
 */
import { NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { AppConfig } from '../../src/config/app-config';
import { payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { workerTuningOptions } from '../../src/worker/create-worker';
import { createBaselineActivities } from './baseline.activities';
import { BASELINE_TASK_QUEUE } from './baseline.workflow';
import { errorStack } from '../../src/common/error-text';

async function main(): Promise<void> {
  Runtime.install({ telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const config = new AppConfig();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: BASELINE_TASK_QUEUE,
    workflowsPath: require.resolve('./baseline.workflow'),
    activities: createBaselineActivities(),
    ...workerTuningOptions(config),
    // The product worker's codec too, so the two differ only in what the workflow does.
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
