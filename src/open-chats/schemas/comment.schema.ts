import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A comment on an Open Chat board post (R1). */
@Schema({ collection: 'comments', timestamps: true, versionKey: false })
export class Comment {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, index: true })
  postId: string;

  @Prop({ required: true })
  authorId: string;

  @Prop({ required: true })
  text: string;

  createdAt: Date;
}

export const CommentSchema = SchemaFactory.createForClass(Comment);
