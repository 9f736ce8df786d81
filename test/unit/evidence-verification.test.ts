import { CHAIN_SCHEME, LEGACY_SCHEME, chainDigests, chainRoot } from '../../src/evidence/evidence-chain';
import { itemDigest, rootDigest } from '../../src/evidence/evidence-digest';
import { StoredEvidence, checkEvidence } from '../../src/evidence/evidence-verification';

const reportId = 'rpt_check';
const contents = ['a', 'b', 'c', 'd'].map((text, i) => ({
  sourceKind: 'chat_message',
  sourceId: `m${i}`,
  authorId: i % 2 ? 'bob' : 'alice',
  text,
  createdAt: new Date(Date.UTC(2026, 0, 1, 9, i)),
}));

function chainSet(): StoredEvidence {
  const digests = chainDigests(reportId, contents);
  const items = contents.map((c, seq) => ({ ...c, seq, digest: digests[seq] }));
  return { reportId, scheme: CHAIN_SCHEME, itemCount: items.length, rootDigest: chainRoot(reportId, digests), items };
}

describe('R6: evidence verification', () => {
  test('an untouched chain is intact against its stored and recorded root', () => {
    const set = chainSet();
    expect(checkEvidence(set, set.rootDigest)).toMatchObject({ status: 'intact', recomputedRoot: set.rootDigest, findings: [] });
  });

  test('an altered message is named by its index; only that item fails its own link', () => {
    const set = chainSet();
    const items = set.items.map((item) => (item.seq === 2 ? { ...item, text: 'edited' } : item));
    const check = checkEvidence({ ...set, items }, set.rootDigest);
    expect(check).toMatchObject({ status: 'altered', firstAlteredIndex: 2, findings: ['item_altered', 'stored_root_mismatch'] });
    expect(check.itemValid).toEqual([true, true, false, true]);
  });

  test('a deleted item in the middle or at the end is found', () => {
    const set = chainSet();
    expect(checkEvidence({ ...set, items: set.items.filter((i) => i.seq !== 1) }, null)).toMatchObject({ status: 'altered', firstAlteredIndex: 1 });
    expect(checkEvidence({ ...set, items: set.items.slice(0, 3) }, null)).toMatchObject({
      status: 'altered',
      firstAlteredIndex: 3,
      findings: ['item_missing', 'stored_root_mismatch'],
    });
  });

  test('swapped positions are found at the first swapped index', () => {
    const set = chainSet();
    const [a, b, c, d] = set.items;
    const swapped = [a, { ...c, seq: 1 }, { ...b, seq: 2 }, d];
    expect(checkEvidence({ ...set, items: swapped }, null)).toMatchObject({ status: 'altered', firstAlteredIndex: 1 });
  });

  test('a chain rewritten consistently, stored root included, is caught by the root the history recorded', () => {
    const set = chainSet();
    const forged = contents.map((c, i) => (i === 0 ? { ...c, text: 'forged' } : c));
    const digests = chainDigests(reportId, forged);
    const items = forged.map((c, seq) => ({ ...c, seq, digest: digests[seq] }));
    const check = checkEvidence({ ...set, items, rootDigest: chainRoot(reportId, digests) }, set.rootDigest);
    expect(check).toMatchObject({ status: 'altered', findings: ['recorded_root_mismatch'] });
    expect(check.firstAlteredIndex).toBeUndefined();
  });

  test('a set under the legacy scheme is checked by its own rules, not called altered', () => {
    const digests = contents.map(itemDigest);
    const items = contents.map((c, seq) => ({ ...c, seq, digest: digests[seq] }));
    const legacy: StoredEvidence = { reportId, scheme: LEGACY_SCHEME, itemCount: 4, rootDigest: rootDigest(digests), items };
    expect(checkEvidence(legacy, legacy.rootDigest)).toMatchObject({ status: 'intact', recomputedRoot: legacy.rootDigest });
    const edited = items.map((i) => (i.seq === 3 ? { ...i, text: 'x' } : i));
    expect(checkEvidence({ ...legacy, items: edited }, legacy.rootDigest)).toMatchObject({ status: 'altered', firstAlteredIndex: 3 });
  });
});
