import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** A 1:1 chat room. Deleting it is per member (R6): the other member's view is unchanged. */
@Schema({ collection: 'chats', timestamps: true, versionKey: false })
export class Chat {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: [String], required: true, index: true })
  memberIds: string[];

  createdAt: Date;
}

export type ChatDocument = HydratedDocument<Chat>;
export const ChatSchema = SchemaFactory.createForClass(Chat);

export function chatDeletionId(chatId: string, userId: string): string {
  return `${chatId}:${userId}`;
}

/**
 * R6: one member deleted the room for themselves, write-once at `<chatId>:<userId>`. Not a field
 * of the room: both members reporting at once would be two concurrent updates of one document,
 * and the embedded FerretDB can lose one of them; two inserts of different ids it cannot.
 */
@Schema({ collection: 'chat_deletions', versionKey: false })
export class ChatDeletion {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  chatId: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  at: Date;
}

export const ChatDeletionSchema = SchemaFactory.createForClass(ChatDeletion);
