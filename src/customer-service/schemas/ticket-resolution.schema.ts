import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const RESOLUTION_MEASURES = ['none', 'warning', 'restriction', 'permanent'] as const;
export type ResolutionMeasure = (typeof RESOLUTION_MEASURES)[number];

/**
 * R9: how CS resolved a ticket, write-once (`_id` = ticket id): the first resolution stands,
 * and a measure other than `none` becomes a sanction on the reported account.
 */
@Schema({ collection: 'cs_ticket_resolutions', versionKey: false })
export class TicketResolution {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, enum: RESOLUTION_MEASURES })
  measure: ResolutionMeasure;

  @Prop()
  days?: number;

  @Prop({ required: true })
  staffId: string;

  @Prop()
  note?: string;

  @Prop()
  sanctionId?: string;

  @Prop({ required: true })
  resolvedAt: Date;
}

export const TicketResolutionSchema = SchemaFactory.createForClass(TicketResolution);
