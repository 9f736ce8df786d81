import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ReportTargetRecord } from '../../reports/schemas/report.schema';
import { MEASURE_KINDS, MeasureKind } from '../sanction-ladder';

/**
 * R9: a measure on a reported account. Write-once: its end, lift and overturn are separate
 * event documents (`sanction_events`) and its status is computed from them, because the embedded
 * FerretDB loses one of two concurrent updates to a document. The id is derived from the
 * content (or the CS ticket) it answers, never from a reporter (R2).
 */
@Schema({ collection: 'sanctions', versionKey: false })
export class Sanction {
  @Prop({ type: String, required: true })
  _id: string;

  /** The sanctioned account. */
  @Prop({ required: true })
  userId: string;

  @Prop({ type: String, required: true, enum: MEASURE_KINDS })
  measure: MeasureKind;

  /** Restrictions only: 1 to 180. */
  @Prop()
  days?: number;

  /** R10: the operation-policy category the content violated. */
  @Prop({ required: true })
  policy: string;

  /** The content the sanction answers (what the statement of reasons points to). */
  @Prop({ type: SchemaFactory.createForClass(ReportTargetRecord), required: true })
  target: ReportTargetRecord;

  /** `moderator_decision` (the ladder applied on approval) or `customer_service` (a measure on a ticket). */
  @Prop({ type: String, required: true, enum: ['moderator_decision', 'customer_service'] })
  source: 'moderator_decision' | 'customer_service';

  /** Internal: who decided (moderator or CS staff); an appeal must go to someone else. Never shown to the user. */
  @Prop({ required: true })
  decidedBy: string;

  /** Internal: the ticket of a CS measure. */
  @Prop()
  ticketId?: string;

  /** Sanctions of the account counted when the ladder picked this rung. */
  @Prop({ required: true })
  priorSanctions: number;

  @Prop({ required: true })
  startsAt: Date;

  /** Restrictions only; permanent ones and warnings have no end. */
  @Prop()
  endsAt?: Date;

  @Prop({ required: true })
  appealableUntil: Date;
}

export const SanctionSchema = SchemaFactory.createForClass(Sanction);
SanctionSchema.index({ userId: 1, startsAt: -1 });
