// R6: recomputes the evidence digests in the browser, so the moderator does not have to take the
// server's word that the stored conversation is the one captured. Same scheme as the API
// (src/evidence/evidence-digest.ts): SHA-256 over a fixed-order JSON array per item, and SHA-256
// over the item digests joined by newlines for the root.

const encoder = new TextEncoder();

async function sha256Hex(text) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function itemCanonical(item) {
  return JSON.stringify([item.sourceKind, item.sourceId, item.authorId, new Date(item.createdAt).toISOString(), item.text]);
}

/**
 * @returns {Promise<{available: false, reason: string} | {available: true, items: boolean[], rootMatches: boolean, complete: boolean, verified: boolean}>}
 */
export async function checkEvidenceInBrowser(evidence) {
  // SubtleCrypto exists only in secure contexts (HTTPS, or localhost).
  if (!globalThis.crypto?.subtle) return { available: false, reason: 'this page is not served over HTTPS, so the browser offers no SHA-256' };
  if (evidence.scheme !== undefined && evidence.scheme !== 'sha256-items-v1') {
    return { available: false, reason: `digest scheme ${evidence.scheme} is not recomputed in the browser` };
  }
  const recomputed = await Promise.all(evidence.items.map((item) => sha256Hex(itemCanonical(item))));
  const items = recomputed.map((digest, i) => digest === evidence.items[i].digest);
  const rootMatches = (await sha256Hex(recomputed.join('\n'))) === evidence.rootDigest;
  const complete = evidence.items.length === evidence.itemCount;
  return { available: true, items, rootMatches, complete, verified: rootMatches && complete && items.every(Boolean) };
}
