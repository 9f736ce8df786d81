import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { OpenChatsController } from './open-chats.controller';
import { OpenChatsService } from './open-chats.service';
import { BoardService } from './board.service';
import { ContentModerationLog } from './content-moderation.service';
import { Comment, CommentSchema } from './schemas/comment.schema';
import { ContentModerationEvent, ContentModerationEventSchema } from './schemas/content-moderation-event.schema';
import { OpenChat, OpenChatSchema } from './schemas/open-chat.schema';
import { Post, PostSchema } from './schemas/post.schema';

@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([
      { name: OpenChat.name, schema: OpenChatSchema },
      { name: Post.name, schema: PostSchema },
      { name: Comment.name, schema: CommentSchema },
      { name: ContentModerationEvent.name, schema: ContentModerationEventSchema },
    ]),
  ],
  controllers: [OpenChatsController],
  providers: [OpenChatsService, BoardService, ContentModerationLog],
  exports: [OpenChatsService, ContentModerationLog, MongooseModule],
})
export class OpenChatsModule {}
