import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DigestableItem } from './evidence-digest';

/**
 * The evidence scheme in force (R6): a SHA-256 hash chain over RFC 8785 (JCS) encodings.
 * The README's "Tamper-evident evidence" section spells out the same steps, so anyone can
 * recompute a chain without this code; change both together, under a new scheme id.
 */
export const CHAIN_SCHEME = 'sha256-jcs-chain-v1';
/** Evidence captured before the chain: per-item digests and a root over them (evidence-digest.ts). */
export const LEGACY_SCHEME = 'sha256-items-v0';
export const EVIDENCE_SCHEMES = [CHAIN_SCHEME, LEGACY_SCHEME] as const;
export type EvidenceScheme = (typeof EVIDENCE_SCHEMES)[number];

function sha256Hex(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

function jcs(value: object): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('evidence value has no canonical JSON form');
  return text;
}

/** The link before item 0: binds the chain to its report, so one report's items cannot pass as another's. */
export function chainGenesis(reportId: string): string {
  return sha256Hex(jcs({ scheme: CHAIN_SCHEME, reportId }));
}

/** Digest of item `seq`: covers its content, its position and the previous link. */
export function chainLink(prev: string, seq: number, item: DigestableItem): string {
  return sha256Hex(
    jcs({
      prev,
      seq,
      sourceKind: item.sourceKind,
      sourceId: item.sourceId,
      authorId: item.authorId,
      createdAt: item.createdAt.toISOString(),
      text: item.text,
    }),
  );
}

/** Every item's link digest in capture order; the last one (or the genesis, for none) is the root. */
export function chainDigests(reportId: string, items: readonly DigestableItem[]): string[] {
  const digests: string[] = [];
  let prev = chainGenesis(reportId);
  items.forEach((item, seq) => {
    prev = chainLink(prev, seq, item);
    digests.push(prev);
  });
  return digests;
}

export function chainRoot(reportId: string, digests: readonly string[]): string {
  return digests.length > 0 ? digests[digests.length - 1] : chainGenesis(reportId);
}
