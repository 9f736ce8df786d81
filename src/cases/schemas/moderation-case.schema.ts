import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ReportTargetRecord } from '../../reports/schemas/report.schema';

/**
 * The subject of moderation: one reported message, post or comment. Written once (its `_id` is
 * derived from the target) and never updated; what happens to it lives in `case_events`, and
 * its report count and reasons come from the reports themselves.
 */
@Schema({ collection: 'moderation_cases', versionKey: false })
export class ModerationCase {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: SchemaFactory.createForClass(ReportTargetRecord), required: true })
  target: ReportTargetRecord;

  @Prop({ required: true })
  reportedUserId: string;

  @Prop({ required: true })
  createdAt: Date;
}

export const ModerationCaseSchema = SchemaFactory.createForClass(ModerationCase);
