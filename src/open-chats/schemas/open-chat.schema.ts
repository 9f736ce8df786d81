import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'open_chats', timestamps: true, versionKey: false })
export class OpenChat {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  title: string;

  @Prop({ required: true })
  ownerId: string;

  createdAt: Date;
}

export const OpenChatSchema = SchemaFactory.createForClass(OpenChat);
