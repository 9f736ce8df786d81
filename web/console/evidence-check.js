// R6: recomputes the evidence digests in the browser, so the moderator does not have to take the
// server's word that the stored conversation is the one captured. The same rules as the API
// (src/evidence/), for each scheme a set can be stored under:
//  - sha256-items-v0 (sets without a `scheme`): SHA-256 over a fixed-order JSON array per item,
//    and SHA-256 over the item digests joined by newlines for the root;
//  - sha256-jcs-chain-v1: a hash chain over RFC 8785 (JCS) encodings, starting from a genesis
//    bound to the report; the last link is the root.

const LEGACY_SCHEME = 'sha256-items-v0';
const CHAIN_SCHEME = 'sha256-jcs-chain-v1';
const encoder = new TextEncoder();

async function sha256Hex(text) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * RFC 8785 for the flat objects the chain hashes (string and integer values): keys sorted by
 * UTF-16 code units (the default sort), values serialised as ECMAScript JSON does.
 */
function jcsFlat(object) {
  return `{${Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(object[key])}`)
    .join(',')}}`;
}

const iso = (value) => new Date(value).toISOString();

const SCHEMES = {
  [LEGACY_SCHEME]: {
    // Each item stands alone; the root covers the order.
    link: (_evidence, _prev, _seq, item) => sha256Hex(JSON.stringify([item.sourceKind, item.sourceId, item.authorId, iso(item.createdAt), item.text])),
    genesis: async () => null,
    root: (digests) => sha256Hex(digests.join('\n')),
  },
  [CHAIN_SCHEME]: {
    link: (_evidence, prev, seq, item) =>
      sha256Hex(
        jcsFlat({ prev, seq, sourceKind: item.sourceKind, sourceId: item.sourceId, authorId: item.authorId, createdAt: iso(item.createdAt), text: item.text }),
      ),
    genesis: (evidence) => sha256Hex(jcsFlat({ scheme: CHAIN_SCHEME, reportId: evidence.reportId })),
    root: async (digests, genesis) => digests.at(-1) ?? genesis,
  },
};

/**
 * @returns {Promise<{available: false, reason: string} | {available: true, scheme: string, items: boolean[], rootMatches: boolean, complete: boolean, verified: boolean}>}
 */
export async function checkEvidenceInBrowser(evidence) {
  // SubtleCrypto exists only in secure contexts (HTTPS, or localhost).
  if (!globalThis.crypto?.subtle) return { available: false, reason: 'this page is not served over HTTPS, so the browser offers no SHA-256' };
  const scheme = evidence.scheme ?? LEGACY_SCHEME;
  const rules = SCHEMES[scheme];
  if (!rules) return { available: false, reason: `this console does not know the digest scheme ${scheme}` };

  const genesis = await rules.genesis(evidence);
  // Per item: its stored digest follows from its content, its position and the stored digest before it.
  const items = await Promise.all(
    evidence.items.map(async (item, index) => {
      const prev = index === 0 ? genesis : evidence.items[index - 1].digest;
      return (item.seq ?? index) === index && (await rules.link(evidence, prev, index, item)) === item.digest;
    }),
  );
  // The root from content alone: no stored digest is trusted for it.
  const recomputed = [];
  let prev = genesis;
  for (const [index, item] of evidence.items.entries()) {
    prev = await rules.link(evidence, prev, index, item);
    recomputed.push(prev);
  }
  const rootMatches = (await rules.root(recomputed, genesis)) === evidence.rootDigest;
  const complete = evidence.items.length === evidence.itemCount;
  return { available: true, scheme, items, rootMatches, complete, verified: rootMatches && complete && items.every(Boolean) };
}
