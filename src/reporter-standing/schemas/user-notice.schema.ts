import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const NOTICE_KINDS = ['false_report_warning', 'reporting_restricted'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A message to one user, stored once (`_id` `${kind}-${reportId}`). */
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

  @Prop({ required: true })
  reportId: string;

  @Prop({ required: true })
  createdAt: Date;
}

export const UserNoticeSchema = SchemaFactory.createForClass(UserNotice);
