import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { NOTICE_AUDIENCES, NOTICE_KINDS, NoticeAudience, NoticeKind } from '../notice-kinds';

/**
 * A message to one user: the outbox. Write-once, `_id` `${kind}-${subjectId}` (the subject is
 * usually the report), so a retried step cannot send a notice twice; delivery attempts are
 * separate documents (notice_deliveries).
 */
@Schema({ collection: 'user_notices', versionKey: false })
export class Notice {
  @Prop({ type: String, required: true })
  _id: string;

  /** The recipient. */
  @Prop({ required: true, index: true })
  userId: string;

  @Prop({ type: String, required: true, enum: NOTICE_KINDS })
  kind: NoticeKind;

  /** Absent on notices stored before audiences existed (all were to the reporter). */
  @Prop({ type: String, enum: NOTICE_AUDIENCES })
  audience?: NoticeAudience;

  @Prop({ required: true })
  text: string;

  @Prop()
  reportId?: string;

  /** Structured facts the text states (target reference, outcome, ticket), for the receiving app. */
  @Prop({ type: Object })
  details?: Record<string, unknown>;

  @Prop({ required: true })
  createdAt: Date;
}

export const NoticeSchema = SchemaFactory.createForClass(Notice);
