import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ROLES, Role } from '../../src/auth/roles';
import { tokenFor } from '../support/auth';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * Schemathesis (pinned in tools/schemathesis/requirements.txt, installed by npm install) generates
 * requests from the served document, valid and invalid, and checks every answer against it
 * (`--checks all`): declared statuses, response schemas, valid input accepted, invalid input
 * refused, 405 for a method a path does not have, auth honoured. One run per role, each with
 * that role's token, a fixed seed and a bounded number of examples per operation.
 */
const SCHEMATHESIS = join(__dirname, '..', '..', '.tools', 'bin', 'schemathesis');
const CONFIG = join(__dirname, '..', '..', 'tools', 'schemathesis', 'schemathesis.toml');
const EXAMPLES = process.env.SCHEMATHESIS_EXAMPLES ?? '5';
const SEED = process.env.SCHEMATHESIS_SEED ?? '27';
let t: TestApp;
let base: string;
let document: OpenAPIObject;
/** One run per role, all at once: Schemathesis is CPU-bound in one Python thread, the machine has more cores. */
let runs: Map<Role, Promise<Run>>;

type Operation = { operationId: string; security?: unknown[]; 'x-roles'?: string[] };

/** The operations a role may call, and the public ones: each operation is fuzzed with a token it takes. */
function operationsOf(role: Role): string[] {
  return Object.values(document.paths)
    .flatMap((item) => Object.values(item as Record<string, Operation>))
    .filter((operation) => operation.security?.length === 0 || operation['x-roles']?.includes(role))
    .map((operation) => operation.operationId);
}

beforeAll(async () => {
  // Filing is rate-limited per reporter before the body is validated; generated requests file as
  // few reporters, so the limit (tested in access-rules) is raised here to reach validation.
  t = await startTestApp('schemathesis', { FILING_RATE_LIMIT: '100000/1m' });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  document = (await fetch(`${base}/docs-json`).then((answer) => answer.json())) as OpenAPIObject;
  runs = new Map(ROLES.map((role) => [role, schemathesis(role)]));
}, 60_000);

afterAll(async () => {
  await Promise.allSettled(runs?.values() ?? []);
  await t?.close();
});

type Run = { exit: number; output: string };

async function schemathesis(role: Role): Promise<Run> {
  if (!existsSync(SCHEMATHESIS)) return { exit: -1, output: `${SCHEMATHESIS} is missing: run bash scripts/install-tools.sh (npm install does)` };
  const token = await tokenFor(role, `schemathesis-${role}`);
  const args = ['--config-file', CONFIG, 'run', `${base}/docs-json`, '--checks', 'all', '--max-examples', EXAMPLES, '--seed', SEED];
  for (const id of operationsOf(role)) args.push('--include-operation-id', id);
  // For investigating a failure, e.g. SCHEMATHESIS_ARGS='--report har --report-dir out'.
  args.push(...(process.env.SCHEMATHESIS_ARGS ?? '').split(' ').filter(Boolean));
  args.push('--header', `Authorization: Bearer ${token}`, '--workers', '1', '--no-color', '--generation-database', 'none');
  const run = await promisify(execFile)(SCHEMATHESIS, args, {
    cwd: mkdtempSync(join(tmpdir(), 'schemathesis-')),
    timeout: 420_000,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (done) => ({ ...done, code: 0, signal: null }),
    (error: { stdout?: string; stderr?: string; code?: number | null; signal?: string | null }) => error,
  );
  // Killed at the timeout (code null, a signal) is a failure too.
  return { exit: typeof run.code === 'number' ? run.code : -1, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.signal ? `\nkilled: ${run.signal}` : ''}` };
}

test.each(ROLES)(
  'schemathesis --checks all passes with a %s token',
  async (role) => {
    const run = await (runs.get(role) as Promise<Run>);
    if (process.env.SCHEMATHESIS_PRINT === '1') process.stdout.write(run.output);
    // On failure, the report from its FAILURES section on: each failure with a curl to reproduce it.
    const report = run.output.slice(Math.max(0, run.output.indexOf('= FAILURES =') - 40));
    expect({ role, exit: run.exit, report: run.exit === 0 ? '' : report }).toEqual({ role, exit: 0, report: '' });
  },
  450_000,
);
