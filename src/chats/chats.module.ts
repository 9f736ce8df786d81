import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UsersModule } from '../users/users.module';
import { ChatsController } from './chats.controller';
import { ChatsService } from './chats.service';
import { Chat, ChatDeletion, ChatDeletionSchema, ChatSchema } from './schemas/chat.schema';
import { Message, MessageSchema } from './schemas/message.schema';

@Module({
  imports: [
    UsersModule,
    MongooseModule.forFeature([
      { name: Chat.name, schema: ChatSchema },
      { name: ChatDeletion.name, schema: ChatDeletionSchema },
      { name: Message.name, schema: MessageSchema },
    ]),
  ],
  controllers: [ChatsController],
  providers: [ChatsService],
  exports: [ChatsService, MongooseModule],
})
export class ChatsModule {}
