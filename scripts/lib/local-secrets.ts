import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey } from '../../src/config/evidence-keys';
import { formatPayloadKey } from '../../src/payload-encryption/payload-keys';

export interface LocalSecrets {
  /** HS256 secret the embedded default's API verifies tokens with. */
  jwtSecret: string;
  /** PAYLOAD_KEYS value: the key that encrypts workflow payloads in the local Temporal server. */
  payloadKeys: string;
  /** EVIDENCE_SIGNING_KEY value: signs evidence exports, so a saved export still verifies after a restart. */
  evidenceSigningKey: string;
  /** ID_HMAC_SECRET value: keys report ids (R2), so a repeat filed after a restart is still found. */
  idHmacSecret: string;
}

/**
 * The embedded default's secrets: generated on first start into `.data/secrets.json`
 * (readable by its owner only) and reused afterwards, so tokens survive a restart.
 * Production never reads this file: it configures its secrets explicitly.
 */
export function ensureLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  const existing = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    jwtSecret: existing.jwtSecret ?? randomBytes(32).toString('base64url'),
    // Reused on every start: losing it would leave the histories in .data/temporal.db unreadable.
    payloadKeys: existing.payloadKeys ?? formatPayloadKey({ id: 'local-1', key: randomBytes(32) }),
    evidenceSigningKey: existing.evidenceSigningKey ?? generateSigningKey('local-1'),
    idHmacSecret: existing.idHmacSecret ?? randomBytes(32).toString('base64url'),
  };
  if (JSON.stringify(existing) !== JSON.stringify({ ...existing, ...secrets })) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...existing, ...secrets }, null, 2), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}
