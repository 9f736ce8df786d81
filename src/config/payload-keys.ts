/** One AES-256 key and the id written next to every payload it encrypted. */
export interface PayloadKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `PAYLOAD_KEYS`: `id:base64key,id:base64key,...`, 32-byte keys. The first encrypts, all
 * decrypt: to rotate, put the new key first and keep the old ones until no running report
 * (and no history anyone still reads) uses them.
 */
export function parsePayloadKeys(raw: string): PayloadKey[] {
  const keys = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator);
      if (separator < 1 || !KEY_ID.test(id)) throw new Error('expected id:base64key entries, ids of letters, digits, ".", "_" or "-"');
      const encoded = entry.slice(separator + 1);
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32 || key.toString('base64') !== encoded) throw new Error(`key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`);
      return { id, key };
    });
  const ids = keys.map((k) => k.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`key id ${duplicate} appears twice`);
  return keys;
}
