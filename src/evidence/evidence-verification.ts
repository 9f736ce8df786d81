import { CHAIN_SCHEME, EvidenceScheme, chainGenesis, chainLink } from './evidence-chain';
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
export const EVIDENCE_FINDINGS = [
  'item_altered',
  'item_missing',
  'item_out_of_place',
  'extra_item',
  'stored_root_mismatch',
  'recorded_root_mismatch',
  'root_signature_invalid',
] as const;
export type EvidenceFinding = (typeof EVIDENCE_FINDINGS)[number];

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
  const { itemValid, recomputedRoot } = stored.scheme === CHAIN_SCHEME ? walkChain(stored) : walkLegacy(stored);

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

/**
 * One pass over the chain. Item i is valid when its stored digest matches its content, its
 * position and the stored digest before it, so an edit is pinned to the edited item. The root
 * is recomputed from content alone (stored digests are not trusted for it); while the two agree,
 * one hash serves both.
 */
function walkChain(stored: StoredEvidence): { itemValid: boolean[]; recomputedRoot: string } {
  const genesis = chainGenesis(stored.reportId);
  let recomputedPrev = genesis;
  const itemValid = stored.items.map((item, index) => {
    const recomputed = chainLink(recomputedPrev, index, item);
    const storedPrev = index === 0 ? genesis : stored.items[index - 1].digest;
    const expected = storedPrev === recomputedPrev ? recomputed : chainLink(storedPrev, index, item);
    recomputedPrev = recomputed;
    return item.seq === index && expected === item.digest;
  });
  return { itemValid, recomputedRoot: recomputedPrev };
}

/** `sha256-items-v0`: each item's digest covers only its own content; the root covers the list. */
function walkLegacy(stored: StoredEvidence): { itemValid: boolean[]; recomputedRoot: string } {
  const digests = stored.items.map(itemDigest);
  return {
    itemValid: stored.items.map((item, index) => item.seq === index && digests[index] === item.digest),
    recomputedRoot: rootDigest(digests),
  };
}
