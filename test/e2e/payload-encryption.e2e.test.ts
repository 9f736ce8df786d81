import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { findFreePort, toolPath } from '../../scripts/lib/local-servers';
import { decryptedHistory, historyPayloadText } from '../support/history';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';
import { testServers } from '../support/test-env';
import { bearer } from '../support/auth';
import request from 'supertest';

const run = promisify(execFile);
const UI_ORIGIN = 'http://localhost:8233';

let t: TestApp;
let platform: Platform;
let codecEndpoint: string;

beforeAll(async () => {
  t = await startTestApp('encryption', { CODEC_CORS_ORIGINS: UI_ORIGIN });
  platform = new Platform(t);
  // A real port, for the Temporal CLI's --codec-endpoint.
  const port = await findFreePort();
  await t.app.listen(port, '127.0.0.1');
  codecEndpoint = `http://127.0.0.1:${port}/codec`;
});

function showHistory(workflowId: string, ...extra: string[]) {
  return run(toolPath('temporal'), ['workflow', 'show', '--workflow-id', workflowId, '--address', testServers().temporalAddress, '--output', 'json', ...extra]);
}

afterAll(async () => {
  await t?.close();
});

/** A decided report whose history holds identities and a moderator's free-text note. */
async function decidedReport() {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const chatId = await platform.chat(reporter, reported);
  const messageId = await platform.message(chatId, reported, `secret message ${randomUUID()}`);
  const filed = await platform.fileReport(reporter, 'chat_message', messageId, ['violent_threatening']).expect(202);
  const reportId: string = filed.body.reportId;
  await platform.awaitStatus(reportId, 'awaiting_review');
  const note = `note naming ${reporter} ${randomUUID()}`;
  // The decision is an update: its argument is encrypted by the API, its answer decrypted by it.
  const decided = await t
    .http()
    .post(`/v1/reports/${reportId}/reject`)
    .set('Authorization', await bearer('moderator', 'mod-enc-1'))
    .send({ note })
    .expect(200);
  expect(decided.body).toEqual({ reportId, status: 'rejected' });
  await platform.awaitStep(reportId, 'cs_notified');
  return { reporter, reported, chatId, note, reportId, workflowId: filed.body.workflowId as string };
}

/** Every payload in a JSON history (objects with metadata.encoding), with the encoding decoded. */
function payloadsIn(value: unknown, path = ''): { path: string; encoding: string }[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => payloadsIn(v, `${path}[${i}]`));
  const record = value as Record<string, unknown>;
  const encoding = (record.metadata as Record<string, string> | undefined)?.encoding;
  if (typeof encoding === 'string') return [{ path, encoding: Buffer.from(encoding, 'base64').toString('utf8') }];
  return Object.entries(record).flatMap(([k, v]) => payloadsIn(v, `${path}.${k}`));
}

describe('encrypted Temporal payloads', () => {
  test('the raw history read with the Temporal CLI holds only ciphertext; search attributes carry no identity', async () => {
    const report = await decidedReport();
    const { stdout } = await showHistory(report.workflowId);
    const decodedBase64 = base64Text(stdout);
    for (const secret of [report.reporter, report.reported, report.chatId, report.note, 'mod-enc-1']) {
      expect(stdout).not.toContain(secret);
      expect(decodedBase64).not.toContain(secret);
    }
    const payloads = payloadsIn(JSON.parse(stdout));
    const clear = payloads.filter((p) => p.encoding !== 'binary/encrypted');
    // Inputs, results, update arguments, summaries: all encrypted. Only search attributes stay
    // readable (the server indexes them), and they hold status, target kind and reason codes.
    expect(payloads.filter((p) => p.encoding === 'binary/encrypted').length).toBeGreaterThan(10);
    expect(payloads.some((p) => p.path.includes('userMetadata') && p.encoding === 'binary/encrypted')).toBe(true);
    expect(payloads.some((p) => /activityTaskCompletedEventAttributes\.result/.test(p.path) && p.encoding === 'binary/encrypted')).toBe(true);
    expect(clear.filter((p) => !/searchAttributes|upsertWorkflowSearchAttributes/.test(p.path))).toEqual([]);
  });

  test('support staff read the full history with the Temporal CLI through /codec; the API still gets workflow answers', async () => {
    const report = await decidedReport();
    // Support staff: the CLI decodes through the API's codec with a support token.
    const { stdout } = await showHistory(report.workflowId, '--codec-endpoint', codecEndpoint, '--codec-auth', await bearer('support', 'support-1'));
    expect(base64Text(stdout)).toContain(report.reporter);
    expect(base64Text(stdout)).toContain(report.note);
    expect(payloadsIn(JSON.parse(stdout)).filter((p) => p.encoding === 'binary/encrypted')).toEqual([]);
    const handle = t.temporal.workflow.getHandle(report.workflowId);
    const text = historyPayloadText(await decryptedHistory(await handle.fetchHistory()));
    expect(text).toContain(report.reporter);
    expect(text).toContain(report.note);
    expect(await handle.result()).toMatchObject({ reportId: report.reportId, status: 'rejected' });
  });

  test('the codec endpoint decrypts payloads for support staff and encrypts them again', async () => {
    const encoded = await t
      .http()
      .post('/codec/encode')
      .set('X-Namespace', 'default')
      .send({ payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('{"moderatorId":"support-1"}') }] })
      .expect(200);
    const [encrypted] = encoded.body.payloads;
    expect(Buffer.from(encrypted.metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const decoded = await t.http().post('/codec/decode?preserveStorageRefs=true').set('X-Namespace', 'default').send(encoded.body).expect(200);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toBe('{"moderatorId":"support-1"}');
  });

  test('the codec endpoint refuses altered ciphertext, bad base64 and another namespace with stable codes', async () => {
    const encoded = await t
      .http()
      .post('/codec/encode')
      .send({ payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('"x"') }] })
      .expect(200);
    const altered = encoded.body.payloads[0];
    altered.data = Buffer.from(Buffer.from(altered.data, 'base64').map((byte: number, i: number) => (i === 14 ? byte ^ 1 : byte))).toString('base64');
    expect(
      (
        await t
          .http()
          .post('/codec/decode')
          .send({ payloads: [altered] })
          .expect(400)
      ).body.code,
    ).toBe('PAYLOAD_NOT_DECRYPTABLE');
    expect(
      (
        await t
          .http()
          .post('/codec/decode')
          .send({ payloads: [{ metadata: { encoding: '%%%' }, data: '' }] })
          .expect(400)
      ).body.code,
    ).toBe('INVALID_PAYLOAD');
    expect((await t.http().post('/codec/decode').set('X-Namespace', 'other').send({ payloads: [] }).expect(400)).body.code).toBe('UNKNOWN_NAMESPACE');
    expect((await t.http().post('/codec/decode').send({ payloads: 'x' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    // The CLI sends {} for an empty list.
    expect((await t.http().post('/codec/decode').send({}).expect(200)).body).toEqual({ payloads: [] });
  });

  test('CORS: the Web UI origin gets a preflight answer without a token; other origins get none', async () => {
    const preflight = await t
      .http()
      .options('/codec/decode')
      .set('Origin', UI_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-namespace')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Namespace/i);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const foreign = await t.http().options('/codec/decode').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const api = await t.http().options('/v1/reports').set('Origin', UI_ORIGIN).set('Access-Control-Request-Method', 'POST');
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('who may use the codec', () => {
  const anon = () => request(t.app.getHttpServer());
  const somePayloads = { payloads: [{ metadata: { encoding: b64('json/plain') }, data: b64('"x"') }] };

  test('decode and encode need the support role', async () => {
    for (const path of ['/codec/decode', '/codec/encode']) {
      expect(
        (
          await anon()
            .post(path)
            .set('Authorization', await bearer('app'))
            .send(somePayloads)
            .expect(403)
        ).body.code,
      ).toBe('ROLE_FORBIDDEN');
      expect(
        (
          await anon()
            .post(path)
            .set('Authorization', await bearer('moderator'))
            .send(somePayloads)
            .expect(403)
        ).body.code,
      ).toBe('ROLE_FORBIDDEN');
      await anon()
        .post(path)
        .set('Authorization', await bearer('support'))
        .send(somePayloads)
        .expect(200);
    }
  });

  test('a support session cookie opens /codec/decode and /codec/encode, and nothing else', async () => {
    const session = await anon()
      .post('/codec/session')
      .set('Authorization', await bearer('support', 'support-1'))
      .expect(204);
    const cookie: string = session.headers['set-cookie'][0];
    expect(cookie).toMatch(/^codec_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/codec/);
    const pair = cookie.split(';')[0];
    await anon().post('/codec/decode').set('Cookie', pair).send(somePayloads).expect(200);
    await anon().post('/codec/encode').set('Cookie', pair).send(somePayloads).expect(200);
    // The same token as a cookie is no bearer token for the rest of the API, nor for /codec/session.
    expect((await anon().get('/v1/cs/tickets').set('Cookie', pair).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await anon().post('/codec/session').set('Cookie', pair).expect(401)).body.code).toBe('AUTH_REQUIRED');
  });

  test('a session cookie holding another role or a forged token is refused', async () => {
    const app = (await bearer('app')).replace('Bearer ', '');
    expect((await anon().post('/codec/decode').set('Cookie', `codec_session=${app}`).send(somePayloads).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    expect((await anon().post('/codec/decode').set('Cookie', 'codec_session=not.a.jwt').send(somePayloads).expect(401)).body.code).toBe('TOKEN_INVALID');
    await anon()
      .post('/codec/session')
      .set('Authorization', await bearer('moderator'))
      .expect(403);
  });
});

describe('codec access log', () => {
  const anon = () => request(t.app.getHttpServer());

  test('each decode through the session cookie leaves one entry: who, namespace, payload count, outcome, never content', async () => {
    const sub = `support-log-${randomUUID()}`;
    const secret = `plaintext ${randomUUID()}`;
    const encoded = await t
      .http()
      .post('/codec/encode')
      .send({ payloads: [secret, 'second'].map((text) => ({ metadata: { encoding: b64('json/plain') }, data: b64(JSON.stringify(text)) })) })
      .expect(200);
    const session = await anon()
      .post('/codec/session')
      .set('Authorization', await bearer('support', sub))
      .expect(204);
    const cookie = session.headers['set-cookie'][0].split(';')[0];
    const decoded = await anon().post('/codec/decode').set('Cookie', cookie).set('X-Namespace', 'default').send(encoded.body).expect(200);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toBe(JSON.stringify(secret));
    const altered = { ...encoded.body.payloads[1], data: b64('not ciphertext') };
    expect(
      (
        await anon()
          .post('/codec/decode')
          .set('Cookie', cookie)
          .send({ payloads: [altered] })
          .expect(400)
      ).body.code,
    ).toBe('PAYLOAD_NOT_DECRYPTABLE');

    const log = await anon()
      .get('/v1/codec/access-log')
      .set('Authorization', await bearer('support', 'support-reader'))
      .expect(200);
    const mine = log.body.entries.filter((e: { readerSub: string }) => e.readerSub === sub);
    expect(mine).toEqual([
      expect.objectContaining({ readerSub: sub, readerRoles: ['support'], payloads: 1, outcome: 'refused', refusedCode: 'PAYLOAD_NOT_DECRYPTABLE' }),
      expect.objectContaining({ readerSub: sub, readerRoles: ['support'], namespace: 'default', payloads: 2, outcome: 'decoded' }),
    ]);
    expect(Date.parse(mine[1].at)).toBeLessThanOrEqual(Date.parse(mine[0].at));
    const stored = JSON.stringify(await t.mongo.collection('codec_access_log').find({ readerSub: sub }).toArray());
    for (const text of [JSON.stringify(log.body), stored]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(b64(JSON.stringify(secret)));
      expect(text).not.toContain(encoded.body.payloads[0].data);
    }
  });

  test('the access log is for support: an app backend or a moderator gets 403', async () => {
    for (const role of ['app', 'moderator'] as const) {
      expect(
        (
          await anon()
            .get('/v1/codec/access-log')
            .set('Authorization', await bearer(role))
            .expect(403)
        ).body.code,
      ).toBe('ROLE_FORBIDDEN');
    }
  });
});

/** The CLI prints payload bytes as base64: every base64 string of its JSON output, decoded. */
function base64Text(cliJson: string): string {
  return [...cliJson.matchAll(/"([A-Za-z0-9+/=]{8,})"/g)].map((m) => Buffer.from(m[1], 'base64').toString('latin1')).join('\n');
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64');
}
