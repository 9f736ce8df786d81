import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { derivedId } from '../../common/ids';

/** Appeal ids derive from the sanction: one appeal per sanction, by construction. */
export function appealIdOf(sanctionId: string): string {
  return derivedId('apl', sanctionId);
}

/**
 * DSA Art. 20: the sanctioned person's complaint. One per sanction: `_id` is derived from the
 * sanction, so a second appeal is a duplicate key.
 */
@Schema({ collection: 'sanction_appeals', versionKey: false })
export class SanctionAppeal {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  sanctionId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  statement: string;

  @Prop({ required: true })
  filedAt: Date;
}

export const SanctionAppealSchema = SchemaFactory.createForClass(SanctionAppeal);

/** A moderator's answer to an appeal, write-once (`_id` = appeal id): the first decision stands. */
@Schema({ collection: 'appeal_decisions', versionKey: false })
export class AppealDecision {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  sanctionId: string;

  @Prop({ type: String, required: true, enum: ['upheld', 'denied'] })
  outcome: 'upheld' | 'denied';

  @Prop({ required: true })
  moderatorId: string;

  @Prop()
  note?: string;

  @Prop({ required: true })
  decidedAt: Date;
}

export const AppealDecisionSchema = SchemaFactory.createForClass(AppealDecision);
