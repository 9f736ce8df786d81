import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * R3: the reporter may not file reports until `endsAt`. Write-once, `_id` from the strike that
 * crossed the threshold, so a retried activity cannot restrict twice.
 */
@Schema({ collection: 'reporting_restrictions', versionKey: false })
export class ReportingRestriction {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  startsAt: Date;

  @Prop({ required: true })
  endsAt: Date;

  @Prop({ required: true })
  strikes: number;
}

export const ReportingRestrictionSchema = SchemaFactory.createForClass(ReportingRestriction);
ReportingRestrictionSchema.index({ userId: 1, endsAt: -1 });
