import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PayloadKey } from '../../src/payload-encryption/encryption-codec';
import { parsePayloadKeys } from '../../src/payload-encryption/payload-keys';

/** What the recorder (record.ts) writes and the replay test (replay.test.ts) checks. */
export const HISTORIES_DIR = join(__dirname, 'histories');
export const MANIFEST_FILE = 'manifest.json';

/** History file name -> sha256 of its content, as recorded. */
export type Manifest = Record<string, string>;

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export async function readManifest(): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(HISTORIES_DIR, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

export async function writeManifest(manifest: Manifest): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(join(HISTORIES_DIR, MANIFEST_FILE), JSON.stringify(sorted, null, 2) + '\n');
}

/**
 * The key of the one encrypted history. TEST ONLY: it is checked in so that history can be
 * replayed anywhere, which also means it protects nothing; never configure it for a real run.
 */
export function testOnlyPayloadKeys(): { raw: string; keys: PayloadKey[] } {
  const raw = readFileSync(join(__dirname, 'test-only-payload-key.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .join(',');
  return { raw, keys: parsePayloadKeys(raw) };
}

export const ENCRYPTED_ENCODING_BASE64 = Buffer.from('binary/encrypted').toString('base64');
