import { execFile } from 'node:child_process';
import { KeyObject, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { tokenFor } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

const run = promisify(execFile);
const pkcs8 = (kid: string, key: KeyObject) => `${kid}:${key.export({ format: 'der', type: 'pkcs8' }).toString('base64url')}`;
const spki = (kid: string, key: KeyObject) => `${kid}:${key.export({ format: 'der', type: 'spki' }).toString('base64url')}`;
const oldKey = generateKeyPairSync('ed25519');
const newKey = generateKeyPairSync('ed25519');

let t: TestApp;
let platform: Platform;
const appAuth = async () => `Bearer ${await tokenFor('app', 'chat-app')}`;

beforeAll(async () => {
  // Rotated: `new-1` signs, `old-1` only verifies.
  t = await startTestApp('evidence_export', {
    EVIDENCE_SIGNING_KEY: pkcs8('new-1', newKey.privateKey),
    EVIDENCE_RETIRED_KEYS: spki('old-1', oldKey.publicKey),
  });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

async function reportedChat() {
  const chat = await platform.chatReport();
  await t.http().get(`/v1/reports/${chat.reportId}/evidence/verify`).expect(200);
  return chat;
}

async function exportFor(reportId: string, userId: string, status = 200) {
  return (
    await t
      .http()
      .get(`/v1/reports/${reportId}/evidence/export?userId=${userId}`)
      .set('Authorization', await appAuth())
      .expect(status)
  ).body;
}

const verifyOnline = async (bundle: object) => (await request(t.app.getHttpServer()).post('/v1/evidence/exports/verify').send(bundle).expect(200)).body;

/** The investigator's way: the bundle and the saved well-known keys side by side, no server. */
async function verifyOffline(bundle: object): Promise<{ code: number; verdict: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'export-'));
  const keys = (await request(t.app.getHttpServer()).get('/.well-known/evidence-keys').expect(200)).body;
  writeFileSync(join(dir, 'evidence-keys.json'), JSON.stringify(keys));
  writeFileSync(join(dir, 'bundle.json'), JSON.stringify(bundle));
  const script = join(__dirname, '..', '..', 'dist', 'scripts', 'verify-export.js');
  try {
    const { stdout } = await run(process.execPath, [script, join(dir, 'bundle.json')]);
    return { code: 0, verdict: JSON.parse(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    if (failed.code !== 1) throw new Error(`verify-export exited ${failed.code}: ${failed.stderr}`, { cause: error });
    return { code: failed.code, verdict: JSON.parse(failed.stdout) };
  }
}

describe('R6: evidence export for an investigation', () => {
  test('R6: the reporter gets a signed bundle with the report and the conversation, valid online and offline', async () => {
    const { reporter, reported, reportId, messageId } = await reportedChat();
    const bundle = await exportFor(reportId, reporter);
    expect(bundle.signature).toMatchObject({ alg: 'Ed25519', kid: 'new-1' });
    expect(bundle.report).toMatchObject({
      reportId,
      target: { kind: 'chat_message', id: messageId },
      reportedUserId: reported,
      reasons: ['violent_threatening'],
    });
    expect(bundle.evidence.items.map((i: { text: string }) => i.text)).toEqual(['why are you angry?', 'I know where you live']);
    expect(await verifyOnline(bundle)).toEqual({ result: 'valid', kid: 'new-1', findings: [] });
    expect(await verifyOffline(bundle)).toMatchObject({ code: 0, verdict: { result: 'valid' } });
  });

  test('R6: an edited message makes the bundle invalid, naming the first altered item, online and offline', async () => {
    const { reporter, reportId } = await reportedChat();
    const bundle = await exportFor(reportId, reporter);
    bundle.evidence.items[1].text = 'hello there';
    const expected = {
      result: 'invalid',
      findings: expect.arrayContaining(['signature_invalid', 'item_altered']),
      firstAlteredItem: { index: 1, sourceId: bundle.evidence.items[1].sourceId },
    };
    expect(await verifyOnline(bundle)).toMatchObject(expected);
    expect(await verifyOffline(bundle)).toMatchObject({ code: 1, verdict: expected });
  });

  test('R6: an edit outside the items (the reasons) is caught by the signature', async () => {
    const { reporter, reportId } = await reportedChat();
    const bundle = await exportFor(reportId, reporter);
    bundle.report.reasons = ['spam_advertising'];
    expect(await verifyOnline(bundle)).toEqual({ result: 'invalid', kid: 'new-1', findings: ['signature_invalid'] });
    expect((await verifyOnline({ not: 'a bundle' })).findings).toEqual(['malformed']);
  });

  test('R2: the export is refused to the reported person and to anyone else, and nothing is logged for them', async () => {
    const { reported, reportId } = await reportedChat();
    const stranger = await platform.user('stranger');
    for (const userId of [reported, stranger]) {
      const refused = await exportFor(reportId, userId, 403);
      expect(refused).toEqual({ code: 'NOT_THE_REPORTER', message: expect.any(String) });
      expect(JSON.stringify(refused)).not.toContain('I know where you live');
    }
    const log = (await t.http().get(`/v1/reports/${reportId}/evidence/access-log`).expect(200)).body;
    expect(log.entries.filter((e: { read: string }) => e.read === 'export')).toEqual([]);
    await exportFor('rpt_unknown', reported, 404);
  });

  test('R6: every export is written to the evidence access log with the reporter it was made for', async () => {
    const { reporter, reportId } = await reportedChat();
    await exportFor(reportId, reporter);
    await exportFor(reportId, reporter);
    const log = (await t.http().get(`/v1/reports/${reportId}/evidence/access-log`).expect(200)).body;
    const exports = log.entries.filter((e: { read: string }) => e.read === 'export');
    expect(exports).toEqual([
      expect.objectContaining({ readerSub: 'chat-app', forUserId: reporter, outcome: 'served' }),
      expect.objectContaining({ forUserId: reporter }),
    ]);
  });

  test('R6: the keys endpoint lists the current and the retired key, and a bundle signed before the rotation still verifies', async () => {
    const keys = (await request(t.app.getHttpServer()).get('/.well-known/evidence-keys').expect(200)).body.keys;
    expect(keys).toEqual([
      { kid: 'new-1', status: 'current', ...newKey.publicKey.export({ format: 'jwk' }), alg: 'EdDSA', use: 'sig' },
      { kid: 'old-1', status: 'retired', ...oldKey.publicKey.export({ format: 'jwk' }), alg: 'EdDSA', use: 'sig' },
    ]);
    // Before the rotation: a service whose current key was old-1.
    const before = await startTestApp('evidence_export_before', { EVIDENCE_SIGNING_KEY: pkcs8('old-1', oldKey.privateKey) });
    let bundle: { signature: { kid: string } };
    try {
      const chat = await new Platform(before).chatReport();
      await before.http().get(`/v1/reports/${chat.reportId}/evidence/verify`).expect(200);
      const res = await before
        .http()
        .get(`/v1/reports/${chat.reportId}/evidence/export?userId=${chat.reporter}`)
        .set('Authorization', await appAuth());
      bundle = res.body;
    } finally {
      await before.close();
    }
    expect(bundle.signature.kid).toBe('old-1');
    expect(await verifyOnline(bundle)).toEqual({ result: 'valid', kid: 'old-1', findings: [] });
    expect(await verifyOffline(bundle)).toMatchObject({ code: 0, verdict: { result: 'valid', kid: 'old-1' } });
  });

  test('R6: evidence/verify checks the signature stored with the root at capture, which a database edit of the root breaks', async () => {
    const { reportId } = await reportedChat();
    const verify = async () => (await t.http().get(`/v1/reports/${reportId}/evidence/verify`).expect(200)).body;
    expect(await verify()).toMatchObject({ status: 'intact', rootSignature: 'valid' });
    await t.mongo.collection('evidence_sets').updateOne({ _id: reportId as never }, { $set: { rootDigest: 'f'.repeat(64) } });
    const result = await verify();
    expect(result.rootSignature).toBe('invalid');
    expect(result.findings).toEqual(expect.arrayContaining(['root_signature_invalid']));
  });
});
