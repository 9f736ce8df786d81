import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { EnforcementModule } from '../sanctions/enforcement.module';
import { UsersModule } from '../users/users.module';
import { DemoLoader } from './demo-loader.service';

@Module({
  imports: [ConfigModule, DatabaseModule, UsersModule, ChatsModule, OpenChatsModule, EnforcementModule],
  providers: [DemoLoader],
})
export class DemoModule {}
