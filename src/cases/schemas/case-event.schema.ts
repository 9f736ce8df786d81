import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const CASE_EVENT_TYPES = ['claim', 'unclaim', 'decision', 'reopen', 'withdrawal'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

@Schema({ _id: false, versionKey: false })
export class CaseDecisionRecord {
  @Prop({ type: String, required: true, enum: ['approved', 'rejected'] })
  outcome: 'approved' | 'rejected';

  @Prop()
  policy?: string;

  @Prop()
  note?: string;

  @Prop()
  falseReport?: boolean;
}

/**
 * One thing a moderator did to a case, append-only and never removed. `_id` is `<caseId>:<seq>`
 * with seq the number of events before it, so two moderators acting on the same state collide
 * on the key and only one wins (the embedded FerretDB loses concurrent updates, but not
 * inserts), and a case's events fill seqs 0, 1, 2, ... and are read by `_id`.
 */
@Schema({ collection: 'case_events', versionKey: false })
export class CaseEvent {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  caseId: string;

  @Prop({ required: true })
  seq: number;

  @Prop({ type: String, required: true, enum: CASE_EVENT_TYPES })
  type: CaseEventType;

  @Prop({ required: true })
  moderatorId: string;

  @Prop({ required: true })
  at: Date;

  /** Claims only: when the claim lapses if it is not renewed. */
  @Prop()
  expiresAt?: Date;

  @Prop({ type: SchemaFactory.createForClass(CaseDecisionRecord) })
  decision?: CaseDecisionRecord;

  /** Withdrawals only: the decision taken back because its delivery could not be started. */
  @Prop()
  withdraws?: string;
}

export const CaseEventSchema = SchemaFactory.createForClass(CaseEvent);
CaseEventSchema.index({ caseId: 1, seq: 1 });

export function caseEventId(caseId: string, seq: number): string {
  return `${caseId}:${String(seq).padStart(6, '0')}`;
}
