import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../scripts/lib/local-servers';
import { spawnServer } from '../../scripts/lib/child-process';
import { bearer } from '../support/auth';
import { randomUUID } from 'node:crypto';
import { NodeProcess, awaitReady, startNodeProcess } from '../support/node-processes';
import { testServers } from '../support/test-env';
import { eventually } from '../support/test-app';

/**
 * Request logs never carry credentials: the support token a codec sign-in sends back as a
 * cookie, the bearer token and the cookie a caller sends are all left out of the built API's
 * logs, and the log files the local start writes are readable by their owner only.
 */
const servers = testServers();
let api: NodeProcess;
let port: number;

beforeAll(async () => {
  port = await findFreePort();
  const suffix = randomUUID().slice(0, 8);
  api = startNodeProcess('api', 'main.js', {
    MONGO_URL: servers.mongoBaseUrl(`t_logs_${suffix}`),
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_TASK_QUEUE: `test-logs-${suffix}`,
    LOG_LEVEL: 'info',
    PORT: String(port),
  });
  await awaitReady(api, port);
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

test('a codec sign-in leaves neither the support token nor the cookie in the request log', async () => {
  const authorization = await bearer('support', 'support-logs');
  const token = authorization.replace('Bearer ', '');
  const session = await fetch(`http://127.0.0.1:${port}/codec/session`, { method: 'POST', headers: { authorization } });
  expect(session.status).toBe(204);
  const cookie = session.headers.get('set-cookie') ?? '';
  const issued = /codec_session=([^;]+)/.exec(cookie)?.[1] ?? '';
  expect(issued.split('.')).toHaveLength(3);
  const decode = await fetch(`http://127.0.0.1:${port}/codec/decode`, {
    method: 'POST',
    headers: { cookie: `codec_session=${issued}`, 'content-type': 'application/json' },
    body: JSON.stringify({ payloads: [] }),
  });
  expect(decode.status).toBeLessThan(500);
  // The request lines are written once the answers are sent.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const log = api.output();
  expect(log).toContain('/codec/session');
  for (const secret of [token, issued, token.split('.')[2], issued.split('.')[2]]) expect(log).not.toContain(secret);
});

test('the local start creates its log files readable by the owner only', async () => {
  const logFile = join(mkdtempSync(join(tmpdir(), 'logs-')), 'logs', 'child.log');
  const child = spawnServer('child', process.execPath, ['-e', 'console.log("hello")'], logFile);
  await eventually(
    async () => readFileSync(logFile, 'utf8'),
    (text) => text.includes('hello'),
    10_000,
  );
  await child.stop();
  expect(statSync(logFile).mode & 0o777).toBe(0o600);
});
