import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackTraceSettingPatched } from '../../src/worker/sdk-patch';

describe('the SDK patch behind WORKER_WORKFLOW_STACK_TRACES', () => {
  test('npm install applied it to this install (the worker warns at start when it did not)', () => {
    expect(stackTraceSettingPatched()).toBe(true);
  });

  test('an SDK file without it is recognised', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sdk-patch-')), 'vm-shared.js');
    writeFileSync(file, 'setPromiseHook() { /* the SDK as published */ }');
    expect(stackTraceSettingPatched(file)).toBe(false);
  });
});
