import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_SCHEMES, EvidenceScheme } from '../../evidence/evidence-chain';
import { EXPORT_FINDINGS, EXPORT_FORMAT, ExportFinding } from '../../evidence/evidence-export';
import type { EvidenceKeyView } from '../evidence-exports.service';

/** R6: the signed bundle as the reporter downloads it (src/evidence/evidence-export.ts builds it). */
export class ExportedItemView {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() sourceKind: string;
  @ApiProperty() sourceId: string;
  @ApiProperty() authorId: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() digest: string;
}

export class ExportTargetView {
  @ApiProperty() kind: string;
  @ApiProperty() id: string;
}

export class ExportedReportView {
  @ApiProperty() reportId: string;
  @ApiProperty({ type: ExportTargetView }) target: ExportTargetView;
  @ApiProperty() reportedUserId: string;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
}

export class ExportedEvidenceView {
  @ApiProperty({ enum: EVIDENCE_SCHEMES }) scheme: EvidenceScheme;
  @ApiProperty({ type: 'integer' }) itemCount: number;
  @ApiProperty() truncated: boolean;
  @ApiProperty({ format: 'date-time' }) capturedAt: string;
  @ApiProperty() rootDigest: string;
  @ApiProperty({ type: [ExportedItemView] }) items: ExportedItemView[];
}

export class ExportSignatureView {
  @ApiProperty({ enum: ['Ed25519'] }) alg: 'Ed25519';
  @ApiProperty({ description: 'The key id (GET /.well-known/evidence-keys).' }) kid: string;
  @ApiProperty({ description: 'base64url, over the RFC 8785 form of everything but `signature`.' }) value: string;
}

export class EvidenceExportView {
  @ApiProperty({ enum: [EXPORT_FORMAT] }) format: typeof EXPORT_FORMAT;
  @ApiProperty({ type: ExportedReportView }) report: ExportedReportView;
  @ApiProperty({ type: ExportedEvidenceView }) evidence: ExportedEvidenceView;
  @ApiProperty({ type: ExportSignatureView }) signature: ExportSignatureView;
}

export class EvidenceKeyItemView implements EvidenceKeyView {
  @ApiProperty() kid: string;
  @ApiProperty({ enum: ['current', 'retired'] }) status: 'current' | 'retired';
  @ApiProperty({ description: 'JWK key type (OKP for Ed25519).' }) kty: string;
  @ApiProperty({ description: 'JWK curve (Ed25519).' }) crv: string;
  @ApiProperty({ description: 'The public key, base64url.' }) x: string;
  @ApiProperty({ enum: ['EdDSA'] }) alg: 'EdDSA';
  @ApiProperty({ enum: ['sig'] }) use: 'sig';
}

export class EvidenceKeysView {
  @ApiProperty({ type: [EvidenceKeyItemView], description: 'The current key first, then the retired ones.' }) keys: EvidenceKeyItemView[];
}

export class AlteredItemView {
  @ApiProperty({ type: 'integer' }) index: number;
  @ApiProperty({ type: String, nullable: true, description: 'null when the bundle has no item at that position.' }) sourceId: string | null;
}

export class ExportVerificationView {
  @ApiProperty({ enum: ['valid', 'invalid'] }) result: 'valid' | 'invalid';
  @ApiProperty({ type: String, nullable: true, description: 'null when the bundle is malformed.' }) kid: string | null;
  @ApiProperty({ enum: EXPORT_FINDINGS, isArray: true }) findings: ExportFinding[];
  @ApiPropertyOptional({ type: AlteredItemView, description: 'The first item that does not check out, when one can be named.' })
  firstAlteredItem?: AlteredItemView;
}
