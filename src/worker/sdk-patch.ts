import { readFileSync } from 'node:fs';

const PATCHED_SDK_FILE = require.resolve('@temporalio/worker/lib/workflow/vm-shared.js');

/**
 * Whether `npm install` applied our patch of the SDK (patches/), which makes the per-promise
 * stack traces the setting WORKER_WORKFLOW_STACK_TRACES. An install with `--ignore-scripts`
 * skips it, and workflows then record them whatever the setting says.
 */
export function stackTraceSettingPatched(file = PATCHED_SDK_FILE): boolean {
  return readFileSync(file, 'utf8').includes('WORKER_WORKFLOW_STACK_TRACES');
}
