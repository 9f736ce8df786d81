import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const EVIDENCE_SOURCE_KINDS = ['chat_message', 'open_chat_post', 'open_chat_comment'] as const;
export type EvidenceSourceKind = (typeof EVIDENCE_SOURCE_KINDS)[number];

/** One captured piece of content (R6). `_id` is `${reportId}:${seq}`, so a re-run rewrites nothing. */
@Schema({ collection: 'evidence_items', versionKey: false })
export class EvidenceItem {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  reportId: string;

  @Prop({ required: true })
  seq: number;

  @Prop({ type: String, required: true, enum: EVIDENCE_SOURCE_KINDS })
  sourceKind: EvidenceSourceKind;

  @Prop({ required: true })
  sourceId: string;

  @Prop({ required: true })
  authorId: string;

  @Prop({ required: true })
  text: string;

  @Prop({ required: true })
  createdAt: Date;

  /** The item's link in its set's hash chain (evidence-chain.ts), or its own digest under the legacy scheme. */
  @Prop({ required: true })
  digest: string;
}

export const EvidenceItemSchema = SchemaFactory.createForClass(EvidenceItem);
