import type { DataConverter } from '@temporalio/common';
import { join } from 'node:path';
import type { PayloadKey } from '../config/payload-keys';
import { EncryptionCodec } from './encryption-codec';

export { parsePayloadKeys } from '../config/payload-keys';

export function formatPayloadKey({ id, key }: PayloadKey): string {
  return `${id}:${key.toString('base64')}`;
}

/** The module exporting `failureConverter`; without an extension, so it resolves to .ts in tests and .js when built. */
export const FAILURE_CONVERTER_PATH = join(__dirname, 'failure-converter');

/**
 * What every Temporal client and worker of this service uses; no keys means plaintext payloads
 * (development only). Failure messages are encrypted too (the converter at FAILURE_CONVERTER_PATH;
 * the workflow bundle is built with the same path).
 */
export function payloadDataConverter(keys: readonly PayloadKey[]): DataConverter {
  return keys.length > 0 ? { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath: FAILURE_CONVERTER_PATH } : {};
}
