import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export function blockId(blockerId: string, blockedUserId: string): string {
  return `${blockerId}:${blockedUserId}`;
}

export type AutoBlockOutcome = 'applied' | 'already_in_place';

/** What an upheld appeal did to a report's automatic block (R7): only a block the report itself applied, and nothing since relies on, is lifted. */
export type AutoBlockRevocation = 'revoked' | 'not_applied_by_report' | 'already_unblocked' | 'kept_blocked_again_since' | 'kept_for_other_report';

export const BLOCK_EVENT_TYPES = ['blocked', 'unblocked', 'auto_blocked', 'auto_block_already_in_place', 'auto_block_revoked'] as const;
export type BlockEventType = (typeof BLOCK_EVENT_TYPES)[number];

@Schema({ _id: false, versionKey: false })
export class BlockEvent {
  @Prop({ type: String, required: true, enum: BLOCK_EVENT_TYPES })
  type: BlockEventType;

  @Prop({ required: true })
  at: Date;

  /** Set on automatic blocks (R7). */
  @Prop()
  reportId?: string;
}

/**
 * The current block of one user by another plus its history (R5, R7, R8). The history is
 * append-only, so unblocking never erases that a report's block was applied.
 */
@Schema({ collection: 'blocks', timestamps: true, versionKey: false })
export class Block {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  blockerId: string;

  @Prop({ required: true })
  blockedUserId: string;

  @Prop({ required: true })
  active: boolean;

  @Prop({ type: [SchemaFactory.createForClass(BlockEvent)], default: [] })
  events: BlockEvent[];

  /**
   * Outcome of each report's automatic block (R7), keyed by report id. Writes are guarded by
   * "this key is absent", so a retried activity can never block or record twice.
   */
  @Prop({ type: Object, default: {} })
  reportBlocks: Record<string, AutoBlockOutcome>;

  /** Per report whose sanction was overturned on appeal: what happened to its block; written once, like `reportBlocks`. */
  @Prop({ type: Object })
  reportBlockRevocations?: Record<string, AutoBlockRevocation>;

  createdAt: Date;
  updatedAt: Date;
}

export type BlockDocument = HydratedDocument<Block>;
export const BlockSchema = SchemaFactory.createForClass(Block);
