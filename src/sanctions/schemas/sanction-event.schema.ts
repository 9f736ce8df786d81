import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const SANCTION_EVENT_KINDS = ['ended', 'lifted', 'overturned'] as const;
export type SanctionEventKind = (typeof SANCTION_EVENT_KINDS)[number];

export function sanctionEventId(sanctionId: string, kind: SanctionEventKind): string {
  return `${sanctionId}-${kind}`;
}

/**
 * What happened to a sanction after it was issued, one write-once document per kind
 * (`_id` `${sanctionId}-${kind}`): the timer ran out (`ended`), CS lifted it early (`lifted`),
 * or an upheld appeal overturned it (`overturned`, R7 blocks revoked).
 */
@Schema({ collection: 'sanction_events', versionKey: false })
export class SanctionEvent {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  sanctionId: string;

  @Prop({ type: String, required: true, enum: SANCTION_EVENT_KINDS })
  kind: SanctionEventKind;

  @Prop({ required: true })
  at: Date;

  /** Internal: the CS staff member or moderator; never shown to the sanctioned user. */
  @Prop()
  by?: string;

  @Prop()
  note?: string;

  @Prop()
  appealId?: string;

  /** `overturned`: what happened to each automatic block (R7) behind the sanction, by report. */
  @Prop({ type: Object })
  blocks?: Record<string, string>;
}

export const SanctionEventSchema = SchemaFactory.createForClass(SanctionEvent);
