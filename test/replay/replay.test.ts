import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { payloadDataConverter } from '../../src/payload-encryption/payload-keys';
import { testServers } from '../support/test-env';
import { ENCRYPTED_ENCODING_BASE64, HISTORIES_DIR, MANIFEST_FILE, Manifest, readManifest, sha256, testOnlyPayloadKeys } from './history-files';

/**
 * The replay guard (docs/workflow-versioning.md): one history per scenario of the current code,
 * recorded by `npm run record:histories` (record.ts), must replay against today's workflow
 * bundle. A change to a workflow that would break a running execution fails here.
 */
describe('recorded histories', () => {
  let manifest: Manifest;
  let files: string[];
  const contents = new Map<string, string>();

  beforeAll(async () => {
    manifest = await readManifest();
    files = (await readdir(HISTORIES_DIR)).filter((f) => f !== MANIFEST_FILE).sort();
    for (const file of files) contents.set(file, await readFile(join(HISTORIES_DIR, file), 'utf8'));
  });

  test('the manifest lists every history file, and each one is unchanged since it was recorded', () => {
    expect(Object.keys(manifest).length).toBeGreaterThan(0);
    const problems = {
      // A recorded history deleted without its manifest entry (delete both to drop a scenario).
      missing: Object.keys(manifest).filter((file) => !contents.has(file)),
      // A file that did not come from the recorder.
      unlisted: files.filter((file) => !(file in manifest)),
      // Edited since it was recorded: re-record it instead (see record.ts).
      altered: files.filter((file) => file in manifest && sha256(contents.get(file)!) !== manifest[file]),
    };
    expect(problems).toEqual({ missing: [], unlisted: [], altered: [] });
  });

  test('exactly one history has encrypted payloads, with the test-only key, and no payload of it is in clear', () => {
    const isEncrypted = (json: string) => json.includes(ENCRYPTED_ENCODING_BASE64);
    const encrypted = files.filter((file) => isEncrypted(contents.get(file)!));
    expect(encrypted).toHaveLength(1);
    const payloads = collectPayloads(JSON.parse(contents.get(encrypted[0])!));
    const [{ id }] = testOnlyPayloadKeys().keys;
    // Search attributes are indexed in clear by design and never pass the codec.
    const codecPayloads = payloads.filter((p) => p.path.every((segment) => segment !== 'searchAttributes'));
    expect(codecPayloads.length).toBeGreaterThan(0);
    expect(codecPayloads.filter((p) => p.encoding !== ENCRYPTED_ENCODING_BASE64 || p.keyId !== id).map((p) => p.path.join('.'))).toEqual([]);
  });

  test('every history replays against the current workflow bundle without non-determinism', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(contents.get(file)!)),
    }));
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(
      // The production codec with the test-only key: it decodes the encrypted history, and plaintext payloads pass through.
      { workflowBundle: { codePath: testServers().workflowBundlePath }, dataConverter: payloadDataConverter(testOnlyPayloadKeys().keys) },
      histories,
    )) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});

interface FoundPayload {
  path: string[];
  encoding?: string;
  keyId?: string;
}

/** Every payload (an object with metadata and data) of a history's JSON, with where it sits. */
function collectPayloads(value: unknown, path: string[] = []): FoundPayload[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectPayloads(item, [...path, String(i)]));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (record.metadata && typeof record.metadata === 'object' && 'data' in record) {
    const metadata = record.metadata as Record<string, string>;
    return [{ path, encoding: metadata.encoding, keyId: metadata['encryption-key-id'] && Buffer.from(metadata['encryption-key-id'], 'base64').toString() }];
  }
  return Object.entries(record).flatMap(([key, item]) => collectPayloads(item, [...path, key]));
}
