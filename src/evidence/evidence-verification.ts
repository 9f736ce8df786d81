import { CHAIN_SCHEME, EvidenceScheme, chainGenesis, chainLink, chainRoot } from './evidence-chain';
import { DigestableItem, itemDigest, rootDigest } from './evidence-digest';

export interface StoredEvidenceItem extends DigestableItem {
  seq: number;
  digest: string;
}

export interface StoredEvidence {
  reportId: string;
  scheme: EvidenceScheme;
  itemCount: number;
  rootDigest: string;
  /** Items as read back, ordered by `seq`. */
  items: readonly StoredEvidenceItem[];
}

/** Why a set is not intact; more than one can hold. */
export type EvidenceFinding =
  | 'item_altered'
  | 'item_missing'
  | 'item_out_of_place'
  | 'extra_item'
  | 'stored_root_mismatch'
  | 'recorded_root_mismatch';

export interface ChainCheck {
  status: 'intact' | 'altered';
  /** Position of the first item that does not check out, when one can be named. */
  firstAlteredIndex?: number;
  /** Per stored item: its stored digest matches its content, position and the stored digest before it. */
  itemValid: boolean[];
  recomputedRoot: string;
  findings: EvidenceFinding[];
}

/**
 * Checks a stored set by the scheme it was captured under, against its stored root and, when
 * known, the root the workflow history recorded at capture time (which nobody with only
 * database access can change). Pure, so it is tested without servers.
 */
export function checkEvidence(stored: StoredEvidence, recordedRoot: string | null): ChainCheck {
  const { items } = stored;
  const itemValid = items.map((item, index) => item.seq === index && linkDigest(stored, items, index) === item.digest);
  const recomputedRoot = recomputeRoot(stored);

  const findings = new Set<EvidenceFinding>();
  let firstAlteredIndex: number | undefined;
  const flag = (index: number, finding: EvidenceFinding) => {
    findings.add(finding);
    firstAlteredIndex ??= index;
  };
  items.forEach((item, index) => {
    if (item.seq !== index) flag(index, item.seq > index ? 'item_missing' : 'item_out_of_place');
    else if (!itemValid[index]) flag(index, 'item_altered');
  });
  if (items.length < stored.itemCount) flag(items.length, 'item_missing');
  if (items.length > stored.itemCount) flag(stored.itemCount, 'extra_item');
  if (recomputedRoot !== stored.rootDigest) findings.add('stored_root_mismatch');
  if (recordedRoot !== null && recordedRoot !== stored.rootDigest) findings.add('recorded_root_mismatch');

  return {
    status: findings.size === 0 ? 'intact' : 'altered',
    ...(firstAlteredIndex !== undefined ? { firstAlteredIndex } : {}),
    itemValid,
    recomputedRoot,
    findings: [...findings],
  };
}

/** The digest item `index` should carry, given its content and the stored digest before it. */
function linkDigest(stored: StoredEvidence, items: readonly StoredEvidenceItem[], index: number): string {
  if (stored.scheme !== CHAIN_SCHEME) return itemDigest(items[index]);
  const prev = index === 0 ? chainGenesis(stored.reportId) : items[index - 1].digest;
  return chainLink(prev, index, items[index]);
}

/** The root from content alone: stored digests are not trusted here. */
function recomputeRoot(stored: StoredEvidence): string {
  if (stored.scheme !== CHAIN_SCHEME) return rootDigest(stored.items.map(itemDigest));
  let prev = chainGenesis(stored.reportId);
  stored.items.forEach((item, seq) => (prev = chainLink(prev, seq, item)));
  return chainRoot(stored.reportId, stored.items.length > 0 ? [prev] : []);
}
