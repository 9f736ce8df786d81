import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const DELIVERY_OUTCOMES = ['delivered', 'failed', 'gave_up'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * One webhook attempt for a notice (`_id` `${noticeId}:${attempt}`), or the end of trying
 * (`${noticeId}:gave_up`). Append-only: the delivery state is computed from these, never
 * updated in place (the embedded database loses concurrent updates).
 */
@Schema({ collection: 'notice_deliveries', versionKey: false })
export class NoticeDelivery {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  noticeId: string;

  @Prop({ required: true })
  attempt: number;

  @Prop({ type: String, required: true, enum: DELIVERY_OUTCOMES })
  outcome: DeliveryOutcome;

  @Prop()
  httpStatus?: number;

  @Prop()
  error?: string;

  @Prop({ required: true })
  at: Date;
}

export const NoticeDeliverySchema = SchemaFactory.createForClass(NoticeDelivery);
