import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

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
// Conversation reads (chat view, evidence capture) walk one chat in time order.
MessageSchema.index({ chatId: 1, sentAt: -1, _id: -1 });
