import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** The pair a block is about: the blocker and the person they block. */
export function blockId(blockerId: string, blockedUserId: string): string {
  return `${blockerId}:${blockedUserId}`;
}

/** Event `seq` of the pair's block: positions fill a prefix, so the log ends at its first gap. */
export function blockEventId(blockerId: string, blockedUserId: string, seq: number): string {
  return `${blockId(blockerId, blockedUserId)}#${String(seq).padStart(6, '0')}`;
}

export type AutoBlockOutcome = 'applied' | 'already_in_place';

/** What an upheld appeal did to a report's automatic block (R7): only a block the report itself applied, and nothing since relies on, is lifted. */
export type AutoBlockRevocation = 'revoked' | 'not_applied_by_report' | 'already_unblocked' | 'kept_blocked_again_since' | 'kept_for_other_report';

export const BLOCK_EVENT_TYPES = ['blocked', 'unblocked', 'auto_blocked', 'auto_block_already_in_place', 'auto_block_revoked'] as const;
export type BlockEventType = (typeof BLOCK_EVENT_TYPES)[number];

/**
 * One thing that happened to the block of one user by another (R5, R7, R8), append-only and
 * write-once at `<blocker>:<blocked>#<seq>`. Whether the block is on, and who relies on it (the
 * blocker's own choice, each approved report), is derived from the log (see block-state.ts):
 * the embedded FerretDB can lose one of two concurrent updates to a document, never an insert,
 * and two writers taking the same seq collide on the key, so the loser judges again.
 */
@Schema({ collection: 'block_events', versionKey: false })
export class BlockEvent {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  blockerId: string;

  @Prop({ required: true })
  blockedUserId: string;

  @Prop({ required: true })
  seq: number;

  @Prop({ type: String, required: true, enum: BLOCK_EVENT_TYPES })
  type: BlockEventType;

  @Prop({ required: true })
  at: Date;

  /** The approved report (R7) an automatic event belongs to. */
  @Prop()
  reportId?: string;

  /** `auto_block_revoked`: what the upheld appeal did, recorded even when the block stays, so a retry answers the same. */
  @Prop({ type: String })
  revocation?: AutoBlockRevocation;
}

export const BlockEventSchema = SchemaFactory.createForClass(BlockEvent);
