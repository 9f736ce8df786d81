import { createHash } from 'node:crypto';

export interface DigestableItem {
  sourceKind: string;
  sourceId: string;
  authorId: string;
  text: string;
  createdAt: Date;
}

// The scheme `sha256-items-v0` (evidence-chain.ts has `sha256-jcs-chain-v1`): an evidence set
// without a `scheme` field is verified by these rules, the ones it was stored under.

/** SHA-256 over a fixed-order JSON form, so the same content always gives the same digest. */
export function itemDigest(item: DigestableItem): string {
  const canonical = JSON.stringify([item.sourceKind, item.sourceId, item.authorId, item.createdAt.toISOString(), item.text]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** SHA-256 over the items' digests in capture order: changing, adding, dropping or reordering an item changes it. */
export function rootDigest(itemDigests: readonly string[]): string {
  return createHash('sha256').update(itemDigests.join('\n')).digest('hex');
}
