import { itemDigest, rootDigest } from '../../src/evidence/evidence-digest';

const item = { sourceKind: 'chat_message', sourceId: 'm1', authorId: 'bob', text: 'hello', createdAt: new Date('2026-01-01T00:00:00Z') };

describe('R6: legacy evidence digests (sha256-items-v0)', () => {
  test('the same content always gives the same SHA-256 digest', () => {
    expect(itemDigest(item)).toMatch(/^[0-9a-f]{64}$/);
    expect(itemDigest({ ...item })).toBe(itemDigest(item));
  });

  test.each([
    ['text', { text: 'hellO' }],
    ['author', { authorId: 'eve' }],
    ['time', { createdAt: new Date('2026-01-01T00:00:01Z') }],
    ['source', { sourceId: 'm2' }],
  ])('a change of %s changes the digest', (_field, change) => {
    expect(itemDigest({ ...item, ...change })).not.toBe(itemDigest(item));
  });

  test('the root digest changes when items are reordered, dropped or added', () => {
    const digests = ['a', 'b', 'c'];
    const root = rootDigest(digests);
    expect(rootDigest(['b', 'a', 'c'])).not.toBe(root);
    expect(rootDigest(['a', 'b'])).not.toBe(root);
    expect(rootDigest([...digests, 'd'])).not.toBe(root);
    expect(rootDigest([...digests])).toBe(root);
  });
});
