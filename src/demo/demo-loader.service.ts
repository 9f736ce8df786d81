import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Chat } from '../chats/schemas/chat.schema';
import { Message } from '../chats/schemas/message.schema';
import { Comment } from '../open-chats/schemas/comment.schema';
import { OpenChat } from '../open-chats/schemas/open-chat.schema';
import { Post } from '../open-chats/schemas/post.schema';
import { Friendship } from '../users/schemas/friendship.schema';
import { User } from '../users/schemas/user.schema';
import { DEMO } from './demo-data';

@Injectable()
export class DemoLoader {
  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(Friendship.name) private readonly friendships: Model<Friendship>,
    @InjectModel(Chat.name) private readonly chats: Model<Chat>,
    @InjectModel(Message.name) private readonly messages: Model<Message>,
    @InjectModel(OpenChat.name) private readonly openChats: Model<OpenChat>,
    @InjectModel(Post.name) private readonly posts: Model<Post>,
    @InjectModel(Comment.name) private readonly comments: Model<Comment>,
  ) {}

  /** Returns how many documents were new. */
  async load(now = new Date()): Promise<number> {
    const messages = DEMO.messages.map(({ offsetMs, ...m }) => ({ ...m, sentAt: new Date(now.getTime() + offsetMs) }));
    const counts = await Promise.all([
      insertMissing(this.users, DEMO.users),
      insertMissing(this.friendships, DEMO.friendships),
      insertMissing(this.chats, DEMO.chats),
      insertMissing(this.messages, messages),
      insertMissing(this.openChats, DEMO.openChats),
      insertMissing(this.posts, DEMO.posts),
      insertMissing(this.comments, DEMO.comments),
    ]);
    return counts.reduce((a, b) => a + b, 0);
  }
}

async function insertMissing<T>(model: Model<T>, docs: ReadonlyArray<{ _id: string }>): Promise<number> {
  const result = await model.bulkWrite(docs.map((doc) => ({ updateOne: { filter: { _id: doc._id }, update: { $setOnInsert: doc }, upsert: true } })) as never);
  return result.upsertedCount;
}
