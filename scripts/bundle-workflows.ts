// Bundles the workflow code once at build time, so workers start without webpack.
import { bundleWorkflowCode } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from '../src/payload-encryption/payload-keys';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errorStack } from '../src/common/error-text';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    failureConverterPath: FAILURE_CONVERTER_PATH,
    logger: quietLogger(),
  });
  const target = join(__dirname, '..', 'workflow-bundle.js');
  await writeFile(target, code);
  process.stdout.write(`workflow bundle: ${(code.length / 1024).toFixed(0)} KiB\n`);
}

function quietLogger() {
  const noop = () => undefined;
  return { trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error, log: noop };
}

main().catch((error) => {
  process.stderr.write(`${errorStack(error)}\n`);
  process.exit(1);
});
