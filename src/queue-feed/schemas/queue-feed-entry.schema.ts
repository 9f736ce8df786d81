import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const QUEUE_FEED_KINDS = ['report', 'case'] as const;
export type QueueFeedKind = (typeof QUEUE_FEED_KINDS)[number];

/**
 * One change that may alter what the moderation queue shows, written once under a dense id
 * (`qf-000000000042`). Readers tail the feed with `_id` lookups only: the embedded FerretDB
 * serves those from its index and reads the whole collection for ranges and sorts.
 */
@Schema({ collection: 'queue_feed', versionKey: false })
export class QueueFeedEntry {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, enum: QUEUE_FEED_KINDS })
  kind: QueueFeedKind;

  /** The report id or the case id whose documents to read again. */
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  at: Date;

  /**
   * What shows that the announced write has landed: a report's timeline step, or a case event
   * id. The entry is written before the write, so a reader may see it first and waits for this.
   */
  @Prop()
  marker?: string;
}

export const QueueFeedEntrySchema = SchemaFactory.createForClass(QueueFeedEntry);
