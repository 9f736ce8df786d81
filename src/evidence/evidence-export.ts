import { KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EVIDENCE_SCHEMES, EvidenceScheme } from './evidence-chain';
import { EVIDENCE_FINDINGS, StoredEvidenceItem, checkEvidence } from './evidence-verification';

/**
 * R6: the bundle a reporter hands to an investigation agency. Self-contained: the report, the
 * stored items, their chain and root, and an Ed25519 signature over the RFC 8785 (JCS) form of
 * everything but the signature. Pure, so the offline verifier (scripts/verify-export.ts) runs
 * the same checks as the API without a server.
 */
export const EXPORT_FORMAT = 'evidence-export-v1';

export interface ExportedItem {
  seq: number;
  sourceKind: string;
  sourceId: string;
  authorId: string;
  text: string;
  createdAt: string;
  digest: string;
}

export interface EvidenceExportBody {
  format: typeof EXPORT_FORMAT;
  report: {
    reportId: string;
    target: { kind: string; id: string };
    reportedUserId: string;
    reasons: string[];
    filedAt: string;
    exportedAt: string;
  };
  evidence: {
    scheme: EvidenceScheme;
    itemCount: number;
    truncated: boolean;
    capturedAt: string;
    rootDigest: string;
    items: ExportedItem[];
  };
}

export interface EvidenceExport extends EvidenceExportBody {
  signature: { alg: 'Ed25519'; kid: string; value: string };
}

/** Why a bundle is invalid: the export's own findings, then the chain's (the ones `evidence/verify` names). */
export const EXPORT_FINDINGS = ['malformed', 'unknown_key', 'signature_invalid', ...EVIDENCE_FINDINGS] as const;
export type ExportFinding = (typeof EXPORT_FINDINGS)[number];

export interface ExportVerification {
  result: 'valid' | 'invalid';
  kid: string | null;
  findings: ExportFinding[];
  /** The first item that does not check out against the chain, when one can be named. */
  firstAlteredItem?: { index: number; sourceId: string | null };
}

function jcs(value: unknown): Buffer {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('export has no canonical JSON form');
  return Buffer.from(text, 'utf8');
}

export function signExport(body: EvidenceExportBody, kid: string, privateKey: KeyObject): EvidenceExport {
  return { ...body, signature: { alg: 'Ed25519', kid, value: sign(null, jcs(body), privateKey).toString('base64url') } };
}

/** Signs the root of an evidence set at capture, so the set proves itself without the workflow history. */
export function signRoot(reportId: string, scheme: string, rootDigest: string, privateKey: KeyObject): string {
  return sign(null, jcs({ reportId, scheme, rootDigest }), privateKey).toString('base64url');
}

export function rootSignatureValid(reportId: string, scheme: string, rootDigest: string, signature: string, publicKey: KeyObject): boolean {
  return verify(null, jcs({ reportId, scheme, rootDigest }), publicKey, Buffer.from(signature, 'base64url'));
}

/**
 * The signature first (it covers every field), then the chain, which names the first altered
 * item: an edit anywhere is found by the signature, an edit to an item is also pinned to it.
 */
export function verifyExport(bundle: unknown, keyOf: (kid: string) => KeyObject | undefined): ExportVerification {
  if (!isExport(bundle)) return { result: 'invalid', kid: null, findings: ['malformed'] };
  const { signature, ...body } = bundle;
  const findings: ExportFinding[] = [];
  const key = keyOf(signature.kid);
  if (!key) findings.push('unknown_key');
  else if (!verify(null, jcs(body), key, Buffer.from(signature.value, 'base64url'))) findings.push('signature_invalid');

  const items: StoredEvidenceItem[] = body.evidence.items.map((item) => ({ ...item, createdAt: new Date(item.createdAt) }));
  const check = checkEvidence(
    { reportId: body.report.reportId, scheme: body.evidence.scheme, itemCount: body.evidence.itemCount, rootDigest: body.evidence.rootDigest, items },
    null,
  );
  findings.push(...check.findings);
  const index = check.firstAlteredIndex;
  return {
    result: findings.length === 0 ? 'valid' : 'invalid',
    kid: signature.kid,
    findings,
    ...(index !== undefined ? { firstAlteredItem: { index, sourceId: body.evidence.items[index]?.sourceId ?? null } } : {}),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isItem(v: unknown): v is ExportedItem {
  if (!isRecord(v)) return false;
  const dated = isString(v.createdAt) && !Number.isNaN(Date.parse(v.createdAt));
  return Number.isInteger(v.seq) && dated && ['sourceKind', 'sourceId', 'authorId', 'text', 'digest'].every((k) => isString(v[k]));
}

/** Shape only: a bundle that is not even shaped like one is `malformed`, never an exception. */
function isExport(v: unknown): v is EvidenceExport {
  if (!isRecord(v) || v.format !== EXPORT_FORMAT || !isRecord(v.report) || !isRecord(v.evidence) || !isRecord(v.signature)) return false;
  const { evidence, signature, report } = v;
  return (
    isString(report.reportId) &&
    isString(signature.kid) &&
    isString(signature.value) &&
    (EVIDENCE_SCHEMES as readonly unknown[]).includes(evidence.scheme) &&
    Number.isInteger(evidence.itemCount) &&
    isString(evidence.rootDigest) &&
    Array.isArray(evidence.items) &&
    evidence.items.every(isItem)
  );
}
