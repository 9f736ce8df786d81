import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalSecrets } from '../../scripts/lib/local-secrets';
import { parsePayloadKeys } from '../../src/payload-encryption/payload-keys';

describe('embedded default secrets (.data/secrets.json)', () => {
  test('the first start generates a payload key, later starts reuse it (histories stay readable)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-secrets-'));
    const first = ensureLocalSecrets(dir);
    expect(parsePayloadKeys(first.payloadKeys)).toEqual([{ id: 'local-1', key: expect.any(Buffer) }]);
    expect(ensureLocalSecrets(dir)).toEqual(first);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  test('a secrets file from before payload encryption keeps its JWT secret and gains a key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-secrets-'));
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ jwtSecret: 'kept-secret' }));
    const secrets = ensureLocalSecrets(dir);
    expect(secrets.jwtSecret).toBe('kept-secret');
    expect(JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')).payloadKeys).toBe(secrets.payloadKeys);
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });
});
