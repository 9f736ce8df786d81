import { KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';

/** One Ed25519 key that signs evidence exports (R6); `privateKey` only for the current one. */
export interface EvidenceKey {
  kid: string;
  publicKey: KeyObject;
  privateKey?: KeyObject;
}

export interface EvidenceKeyRing {
  /** Signs new exports and evidence sets. */
  current: EvidenceKey & { privateKey: KeyObject };
  /** Public keys only: what they signed keeps verifying after a rotation. */
  retired: EvidenceKey[];
}

const KID = /^[A-Za-z0-9._-]{1,64}$/;

function splitKid(entry: string, name: string): [string, Buffer] {
  const at = entry.indexOf(':');
  const kid = entry.slice(0, at).trim();
  if (at < 0 || !KID.test(kid)) throw new Error(`${name}: expected kid:base64url-key, kid of [A-Za-z0-9._-]`);
  return [kid, Buffer.from(entry.slice(at + 1).trim(), 'base64url')];
}

function ed25519(key: KeyObject, name: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${name}: not an Ed25519 key`);
  return key;
}

/** `EVIDENCE_SIGNING_KEY`: `kid:` and the private key as base64url PKCS#8 DER. */
export function parseSigningKey(raw: string): EvidenceKeyRing['current'] {
  const [kid, der] = splitKid(raw, 'EVIDENCE_SIGNING_KEY');
  const privateKey = ed25519(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }), 'EVIDENCE_SIGNING_KEY');
  return { kid, privateKey, publicKey: createPublicKey(privateKey) };
}

/** `EVIDENCE_RETIRED_KEYS`: `kid:` and a public key as base64url SPKI DER, comma-separated. */
export function parseRetiredKeys(raw: string): EvidenceKey[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [kid, der] = splitKid(entry, 'EVIDENCE_RETIRED_KEYS');
      return { kid, publicKey: ed25519(createPublicKey({ key: der, format: 'der', type: 'spki' }), 'EVIDENCE_RETIRED_KEYS') };
    });
}

export function formatSigningKey(kid: string, privateKey: KeyObject): string {
  return `${kid}:${privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url')}`;
}

export function formatPublicKey(kid: string, publicKey: KeyObject): string {
  return `${kid}:${publicKey.export({ format: 'der', type: 'spki' }).toString('base64url')}`;
}

/** A fresh signing key in the `EVIDENCE_SIGNING_KEY` form (local secrets, tests). */
export function generateSigningKey(kid = `local-${randomBytes(4).toString('hex')}`): string {
  return formatSigningKey(kid, generateKeyPairSync('ed25519').privateKey);
}
