import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const NOTICE_KINDS = [
  'false_report_warning',
  'reporting_restricted',
  // R9 to the sanctioned user: the statement of reasons (DSA Art. 17), then how the sanction ended.
  'sanction_statement',
  'sanction_ended',
  'sanction_lifted',
  'sanction_overturned',
  'appeal_denied',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * A message to one user, stored once: `_id` `${kind}-${reportId}` for a reporter's notices,
 * `${kind}-${sanctionId}` for a sanctioned user's (which never carry a report id: R2).
 */
@Schema({ collection: 'user_notices', versionKey: false })
export class UserNotice {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  userId: string;

  @Prop({ type: String, required: true, enum: NOTICE_KINDS })
  kind: NoticeKind;

  @Prop({ required: true })
  text: string;

  @Prop()
  reportId?: string;

  @Prop()
  sanctionId?: string;

  @Prop({ required: true })
  createdAt: Date;
}

export const UserNoticeSchema = SchemaFactory.createForClass(UserNotice);
