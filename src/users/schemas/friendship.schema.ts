import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** R5: a friend can be hidden, and a hidden friend deleted. Friend lists are per owner. */
export const FRIENDSHIP_STATES = ['friend', 'hidden', 'deleted'] as const;
export type FriendshipState = (typeof FRIENDSHIP_STATES)[number];

export function friendshipId(ownerId: string, friendId: string): string {
  return `${ownerId}:${friendId}`;
}

@Schema({ collection: 'friendships', timestamps: true, versionKey: false })
export class Friendship {
  /** `${ownerId}:${friendId}`: one document per direction, so adding twice is one upsert. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  ownerId: string;

  @Prop({ required: true })
  friendId: string;

  @Prop({ type: String, required: true, enum: FRIENDSHIP_STATES })
  state: FriendshipState;

  createdAt: Date;
  updatedAt: Date;
}

export type FriendshipDocument = HydratedDocument<Friendship>;
export const FriendshipSchema = SchemaFactory.createForClass(Friendship);
