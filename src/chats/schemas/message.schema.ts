import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/**
 * One message, written once at the next free position of its chat: `_id` is `<chatId>-<position>`
 * (messageIdAt), so a chat's messages are read by `_id`, the one filter the embedded FerretDB
 * serves from an index, and two senders racing for a position collide on the key instead of
 * one of them being lost.
 */
@Schema({ collection: 'messages', versionKey: false })
export class Message {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  chatId: string;

  @Prop({ required: true })
  senderId: string;

  @Prop({ required: true })
  text: string;

  @Prop({ required: true })
  sentAt: Date;

  /** R7: the members who blocked the sender when it was sent never receive it; set once, with the message. */
  @Prop({ type: [String], default: undefined })
  withheldFrom?: string[];
}

export type MessageDocument = HydratedDocument<Message>;
export const MessageSchema = SchemaFactory.createForClass(Message);
// The chat view reads a member's latest messages in time order (see ChatsService.view).
MessageSchema.index({ chatId: 1, sentAt: -1, _id: -1 });

export function messageIdAt(chatId: string, position: number): string {
  return `${chatId}-${String(position).padStart(6, '0')}`;
}
