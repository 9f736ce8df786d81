import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** R3: one strike per report a moderator rejected as false. `_id` is the report id: at most one each. */
@Schema({ collection: 'false_report_strikes', versionKey: false })
export class FalseReportStrike {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  reporterId: string;

  @Prop({ required: true })
  at: Date;
}

export const FalseReportStrikeSchema = SchemaFactory.createForClass(FalseReportStrike);
FalseReportStrikeSchema.index({ reporterId: 1, at: -1 });
