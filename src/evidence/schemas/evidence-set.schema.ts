import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { EVIDENCE_SCHEMES, EvidenceScheme } from '../evidence-chain';

/**
 * The commit record of a capture: written after all items, so its presence means the set is
 * complete. `_id` is the report id: one evidence set per report.
 */
@Schema({ collection: 'evidence_sets', versionKey: false })
export class EvidenceSet {
  @Prop({ type: String, required: true })
  _id: string;

  /** How digests and root were computed (see evidence-chain.ts); absent on sets stored before the chain. */
  @Prop({ type: String, enum: EVIDENCE_SCHEMES })
  scheme?: EvidenceScheme;

  @Prop({ required: true })
  rootDigest: string;

  @Prop({ required: true })
  itemCount: number;

  /** True when the conversation was longer than the configured maximum and older messages were left out. */
  @Prop({ required: true })
  truncated: boolean;

  /** Content up to this instant (the filing time) was captured. */
  @Prop({ required: true })
  cutoff: Date;

  @Prop({ required: true })
  capturedAt: Date;

  /**
   * R6: the service's Ed25519 signature over `{reportId, scheme, rootDigest}` (JCS) at capture,
   * so the root proves itself after the workflow history has passed retention. Absent on sets
   * captured before signing.
   */
  @Prop({ type: Object })
  rootSignature?: { kid: string; value: string };
}

export const EvidenceSetSchema = SchemaFactory.createForClass(EvidenceSet);
