import { createHash } from 'node:crypto';
import { CHAIN_SCHEME, chainDigests, chainGenesis, chainRoot } from '../../src/evidence/evidence-chain';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const reportId = 'rpt_vector';
const items = [
  { sourceKind: 'chat_message', sourceId: 'msg-1', authorId: 'alice', createdAt: new Date('2026-01-01T09:00:00Z'), text: 'why are you angry?' },
  {
    sourceKind: 'chat_message',
    sourceId: 'msg-2',
    authorId: 'bob',
    createdAt: new Date('2026-01-01T09:00:05Z'),
    text: 'I know where you live — "soon"\nこんにちは',
  },
];

describe('R6: evidence hash chain (sha256-jcs-chain-v1)', () => {
  test('matches the encoding docs/api.md documents, written out by hand and hashed with node:crypto', () => {
    const genesis = sha256(`{"reportId":"${reportId}","scheme":"${CHAIN_SCHEME}"}`);
    const first = sha256(
      `{"authorId":"alice","createdAt":"2026-01-01T09:00:00.000Z","prev":"${genesis}","seq":0,"sourceId":"msg-1","sourceKind":"chat_message","text":"why are you angry?"}`,
    );
    // JSON escapes only the quote and the newline; the dash and the Japanese text stay as UTF-8.
    const second = sha256(
      `{"authorId":"bob","createdAt":"2026-01-01T09:00:05.000Z","prev":"${first}","seq":1,"sourceId":"msg-2","sourceKind":"chat_message","text":"I know where you live — \\"soon\\"\\nこんにちは"}`,
    );
    expect(chainGenesis(reportId)).toBe(genesis);
    expect(chainDigests(reportId, items)).toEqual([first, second]);
  });

  test('matches a known vector computed outside Node (Python json.dumps with sorted keys and hashlib)', () => {
    const digests = chainDigests(reportId, items);
    expect(chainGenesis(reportId)).toBe('c14173fe4befd222e52522a7c6e91c66e5c19f93885fc02a93f10c8250c1287f');
    expect(chainRoot(reportId, digests)).toBe('93b1e657cc25b3d591c410be22530b65c9007b07a5a1c945e997f34f40f63f0f');
  });

  test('each digest covers the one before it: changing item 0 changes every later digest', () => {
    const original = chainDigests(reportId, items);
    const altered = chainDigests(reportId, [{ ...items[0], text: 'why are you angry' }, items[1]]);
    expect(altered[0]).not.toBe(original[0]);
    expect(altered[1]).not.toBe(original[1]);
  });

  test('the root changes when items are reordered, dropped or added, or filed under another report', () => {
    const root = chainRoot(reportId, chainDigests(reportId, items));
    expect(chainRoot(reportId, chainDigests(reportId, [items[1], items[0]]))).not.toBe(root);
    expect(chainRoot(reportId, chainDigests(reportId, [items[0]]))).not.toBe(root);
    expect(chainRoot(reportId, chainDigests(reportId, [...items, items[1]]))).not.toBe(root);
    expect(chainRoot('rpt_other', chainDigests('rpt_other', items))).not.toBe(root);
    expect(chainRoot(reportId, chainDigests(reportId, [...items]))).toBe(root);
  });

  test('an empty set has the genesis as its root', () => {
    expect(chainRoot(reportId, chainDigests(reportId, []))).toBe(chainGenesis(reportId));
  });
});
