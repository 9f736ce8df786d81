import type { DataConverter } from '@temporalio/common';
import type { PayloadKey } from '../config/payload-keys';
import { EncryptionCodec } from './encryption-codec';

export { parsePayloadKeys } from '../config/payload-keys';

export function formatPayloadKey({ id, key }: PayloadKey): string {
  return `${id}:${key.toString('base64')}`;
}

/** What every Temporal client and worker of this service uses; no keys means plaintext payloads (development only). */
export function payloadDataConverter(keys: readonly PayloadKey[]): DataConverter {
  return keys.length > 0 ? { payloadCodecs: [new EncryptionCodec(keys)] } : {};
}
