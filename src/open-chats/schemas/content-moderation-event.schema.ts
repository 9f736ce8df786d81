import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Open Chat content a report can take down (R1): a board post or a comment on one. */
export type ModeratedKind = 'open_chat_post' | 'open_chat_comment';
export const MODERATED_KINDS: readonly ModeratedKind[] = ['open_chat_post', 'open_chat_comment'];

export interface ContentRef {
  kind: ModeratedKind;
  id: string;
}

/** Event `seq` of one content item's log: positions fill a prefix, so the log ends at its first gap. */
export function contentModerationEventId(content: ContentRef, seq: number): string {
  return `${content.kind}:${content.id}#${String(seq).padStart(6, '0')}`;
}

export const CONTENT_MODERATION_EVENT_TYPES = ['removed', 'restored'] as const;
export type ContentModerationEventType = (typeof CONTENT_MODERATION_EVENT_TYPES)[number];

/**
 * One thing that happened to one post or comment: taken down on an approved report (R10), or
 * restored by the upheld appeal on its sanction. Append-only and write-once at
 * `<kind>:<id>#<seq>`; whether the content is removed is derived from the log
 * (content-moderation-state.ts), as the embedded FerretDB can lose one of two concurrent updates
 * to a document, never an insert. The content itself is never touched: it stays as evidence (R6).
 */
@Schema({ collection: 'content_moderation_events', versionKey: false })
export class ContentModerationEvent {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, enum: MODERATED_KINDS })
  kind: ModeratedKind;

  @Prop({ required: true })
  contentId: string;

  @Prop({ required: true })
  seq: number;

  @Prop({ type: String, required: true, enum: CONTENT_MODERATION_EVENT_TYPES })
  type: ContentModerationEventType;

  @Prop({ required: true })
  at: Date;

  /** The sanction on the content's author that the removal goes with, and that an upheld appeal overturns. */
  @Prop({ required: true })
  sanctionId: string;

  /** `removed`: the approved report. Staff-only: never part of what the author reads (R2). */
  @Prop()
  reportId?: string;

  /** `removed`: the policy category applied (R10). */
  @Prop()
  policy?: string;

  /** `removed`: what the author reads (DSA Art. 17); names no reporter and no report (R2). */
  @Prop()
  statementOfReasons?: string;

  /** `restored`: the upheld appeal. */
  @Prop()
  appealId?: string;

  /** `restored`: whether the content was removed when the appeal was upheld, so a retry answers the same. */
  @Prop()
  wasRemoved?: boolean;
}

export const ContentModerationEventSchema = SchemaFactory.createForClass(ContentModerationEvent);
