import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A post on an Open Chat board (R1). */
@Schema({ collection: 'posts', timestamps: true, versionKey: false })
export class Post {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  openChatId: string;

  @Prop({ required: true })
  authorId: string;

  @Prop({ required: true })
  text: string;

  createdAt: Date;
}

export const PostSchema = SchemaFactory.createForClass(Post);
