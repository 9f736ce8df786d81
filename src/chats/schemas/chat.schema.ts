import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** A 1:1 chat room. Deleting it is per member (R6): the other member's view is unchanged. */
@Schema({ collection: 'chats', timestamps: true, versionKey: false })
export class Chat {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: [String], required: true, index: true })
  memberIds: string[];

  @Prop({ type: [String], default: [] })
  deletedFor: string[];

  createdAt: Date;
}

export type ChatDocument = HydratedDocument<Chat>;
export const ChatSchema = SchemaFactory.createForClass(Chat);
