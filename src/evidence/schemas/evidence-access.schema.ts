import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const EVIDENCE_READS = ['evidence', 'verification', 'export'] as const;
/** What was read: the evidence itself, the verification of its hash chain, or the reporter's signed export. */
export type EvidenceRead = (typeof EVIDENCE_READS)[number];

export const EVIDENCE_READ_OUTCOMES = ['served', 'not_found'] as const;
/** `not_found`: the report exists but its evidence is not stored yet; the attempt is logged too. */
export type EvidenceReadOutcome = (typeof EVIDENCE_READ_OUTCOMES)[number];

/**
 * One read of a report's evidence (R6): who, when, what. Write-once: inserted with a fresh id
 * and never updated, so concurrent reads cannot lose each other's entries.
 */
@Schema({ collection: 'evidence_access_log', versionKey: false })
export class EvidenceAccess {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  reportId: string;

  /** The caller's token subject and the roles it held. */
  @Prop({ required: true })
  readerSub: string;

  @Prop({ type: [String], required: true })
  readerRoles: string[];

  /** An export: the reporter the app fetched it for. */
  @Prop({ type: String })
  forUserId?: string;

  @Prop({ type: String, required: true, enum: EVIDENCE_READS })
  read: EvidenceRead;

  @Prop({ type: String, required: true, enum: EVIDENCE_READ_OUTCOMES })
  outcome: EvidenceReadOutcome;

  @Prop({ required: true })
  at: Date;
}

export const EvidenceAccessSchema = SchemaFactory.createForClass(EvidenceAccess);
