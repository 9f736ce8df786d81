import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVIDENCE_SCHEMES, EvidenceScheme } from '../evidence-chain';
import { EVIDENCE_FINDINGS, EvidenceFinding } from '../evidence-verification';
import { EVIDENCE_READ_OUTCOMES, EVIDENCE_READS, EvidenceRead, EvidenceReadOutcome } from '../schemas/evidence-access.schema';
import { EVIDENCE_SOURCE_KINDS, EvidenceSourceKind } from '../schemas/evidence-item.schema';

/** One stored item as a staff member reads it (R6). */
export class EvidenceItemView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Position in the set, from 0.' }) seq: number;
  @ApiProperty({ enum: EVIDENCE_SOURCE_KINDS }) sourceKind: EvidenceSourceKind;
  @ApiProperty() sourceId: string;
  @ApiProperty() authorId: string;
  @ApiProperty() text: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: "The item's link in the hash chain (its own digest under sha256-items-v0)." }) digest: string;
  @ApiProperty({ description: 'The stored digest matches the content, its position and the digest before it, recomputed now.' }) digestValid: boolean;
}

export class EvidenceSetView {
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: EVIDENCE_SCHEMES }) scheme: EvidenceScheme;
  @ApiProperty() rootDigest: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Items the capture stored.' }) itemCount: number;
  @ApiProperty({ description: 'The conversation was longer than the capture window.' }) truncated: boolean;
  @ApiProperty() capturedAt: Date;
  @ApiProperty({ description: 'Every digest recomputed from the stored content just now checks out.' }) intact: boolean;
  @ApiProperty({ type: [EvidenceItemView], description: 'Ordered by seq.' }) items: EvidenceItemView[];
}

export class EvidenceVerificationView {
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: EVIDENCE_SCHEMES }) scheme: EvidenceScheme;
  @ApiProperty({ enum: ['intact', 'altered'] }) status: 'intact' | 'altered';
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Items found in storage.' }) items: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Items the capture stored.' }) expectedItems: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Position of the first item that does not check out, when one can be named.' })
  firstAlteredIndex?: number;
  @ApiProperty({ enum: EVIDENCE_FINDINGS, isArray: true, description: 'Why the set is not intact; empty when it is.' }) findings: EvidenceFinding[];
  @ApiProperty() storedRoot: string;
  @ApiProperty({ type: String, nullable: true, description: "The root in the workflow history's storeEvidence result; null when the history has none." })
  recordedRoot: string | null;
  @ApiProperty() recomputedRoot: string;
  @ApiProperty({
    enum: ['valid', 'invalid', 'absent'],
    description: 'The stored root against its signature from capture time; absent for sets captured unsigned.',
  })
  rootSignature: 'valid' | 'invalid' | 'absent';
}

export class EvidenceAccessEntryView {
  @ApiProperty({ description: "The reader's token subject." }) readerSub: string;
  @ApiProperty({ type: [String] }) readerRoles: string[];
  @ApiProperty({ enum: EVIDENCE_READS }) read: EvidenceRead;
  @ApiPropertyOptional({ description: 'An export: the reporter the app fetched it for.' }) forUserId?: string;
  @ApiProperty({ enum: EVIDENCE_READ_OUTCOMES, description: 'not_found: the report exists but its evidence was not stored yet.' })
  outcome: EvidenceReadOutcome;
  @ApiProperty() at: Date;
}

export class EvidenceAccessLogView {
  @ApiProperty() reportId: string;
  @ApiProperty({ type: [EvidenceAccessEntryView], description: 'Oldest first.' }) entries: EvidenceAccessEntryView[];
}
