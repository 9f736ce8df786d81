import { defaultPayloadConverter, Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../src/config/app-config';
import { generateSigningKey } from '../../src/config/evidence-keys';
import { ENCRYPTED_ENCODING, EncryptionCodec, KEY_ID_METADATA, PayloadKey } from '../../src/payload-encryption/encryption-codec';
import { formatPayloadKey, parsePayloadKeys } from '../../src/payload-encryption/payload-keys';

const key = (id: string): PayloadKey => ({ id, key: randomBytes(32) });
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');
const input = { reporterId: 'alice', message: 'I know where you live' };
const toPayload = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);

describe('payload encryption codec', () => {
  test('round trip: encrypted payloads hide the value and decode to the original', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const original = toPayload(input);
    const [encrypted] = await codec.encode([original]);
    expect(text(encrypted.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(text(encrypted.data)).not.toContain('alice');
    expect(text(encrypted.data)).not.toContain('json/plain');
    const [decoded] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(input);
    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
  });

  test('every encryption uses a fresh IV: the same value twice gives different ciphertext', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const [a, b] = await codec.encode([toPayload(input), toPayload(input)]);
    expect(Buffer.compare(Buffer.from(a.data!), Buffer.from(b.data!))).not.toBe(0);
  });

  test('rotation: new writes use the first key, payloads under an older key still decrypt', async () => {
    const oldKey = key('2025-01');
    const newKey = key('2026-01');
    const [underOld] = await new EncryptionCodec([oldKey]).encode([toPayload(input)]);
    const rotated = new EncryptionCodec([newKey, oldKey]);
    const [underNew] = await rotated.encode([toPayload(input)]);
    expect(text(underNew.metadata?.[KEY_ID_METADATA])).toBe('2026-01');
    const decoded = await rotated.decode([underOld, underNew]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([input, input]);
    // Once the old key is removed, its payloads can no longer be read.
    await expect(new EncryptionCodec([newKey]).decode([underOld])).rejects.toThrow(/unknown encryption key id "2025-01"/);
  });

  test('tampered ciphertext is refused, not decoded to garbage', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const [encrypted] = await codec.encode([toPayload(input)]);
    const data = Buffer.from(encrypted.data!);
    data[20] ^= 0x01;
    await expect(codec.decode([{ ...encrypted, data }])).rejects.toThrow(/altered/);
  });

  test('a payload relabelled with another key id is refused (the id is authenticated)', async () => {
    const k1 = key('k1');
    const k2 = { id: 'k2', key: k1.key };
    const codec = new EncryptionCodec([k1, k2]);
    const [encrypted] = await codec.encode([toPayload(input)]);
    const relabelled = { ...encrypted, metadata: { ...encrypted.metadata, [KEY_ID_METADATA]: Buffer.from('k2') } };
    await expect(codec.decode([relabelled])).rejects.toThrow(/altered/);
  });

  test('plaintext payloads (histories from before encryption) pass through decode unchanged', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const plain = toPayload(input);
    const [decoded] = await codec.decode([plain]);
    expect(decoded).toBe(plain);
  });
});

describe('PAYLOAD_KEYS configuration', () => {
  const k1 = formatPayloadKey(key('k1'));
  const k2 = formatPayloadKey(key('k2'));

  test('an ordered list of id:base64 keys, the first one encrypts', () => {
    expect(parsePayloadKeys(`${k2}, ${k1}`).map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(new AppConfig({ PAYLOAD_KEYS: `${k1},${k2}` }).payloadKeys.map((k) => k.id)).toEqual(['k1', 'k2']);
  });

  test.each([
    ['a key that is not 32 bytes', 'k1:' + randomBytes(16).toString('base64')],
    ['an entry without an id', randomBytes(32).toString('base64')],
    ['a duplicate id', `${k1},${k1}`],
  ])('%s is refused at start-up', (_, value) => {
    expect(() => new AppConfig({ PAYLOAD_KEYS: value })).toThrow(/PAYLOAD_KEYS/);
  });

  test('in production, the API and the worker refuse to start without keys', () => {
    expect(() => new AppConfig({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_KEYS: required in production/);
    // The other secrets production requires, so only PAYLOAD_KEYS is under test.
    const others = { EVIDENCE_SIGNING_KEY: generateSigningKey('unit'), ID_HMAC_SECRET: 'x'.repeat(32) };
    expect(new AppConfig({ NODE_ENV: 'production', PAYLOAD_KEYS: k1, ...others }).payloadKeys).toHaveLength(1);
  });

  test('R2: in production the id secret is required, and a short one is refused', () => {
    const others = { PAYLOAD_KEYS: k1, EVIDENCE_SIGNING_KEY: generateSigningKey('unit') };
    expect(() => new AppConfig({ NODE_ENV: 'production', ...others })).toThrow(/ID_HMAC_SECRET: required in production/);
    expect(() => new AppConfig({ ID_HMAC_SECRET: 'short' })).toThrow(/ID_HMAC_SECRET/);
    expect(new AppConfig({ NODE_ENV: 'production', ...others, ID_HMAC_SECRET: 's'.repeat(40) }).idHmacSecret).toBe('s'.repeat(40));
  });

  test('outside production, no keys means no encryption', () => {
    expect(new AppConfig({}).payloadKeys).toEqual([]);
  });
});
