import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KeyIndexModule } from '../common/key-index';
import { BlocksController } from './blocks.controller';
import { BlocksService } from './blocks.service';
import { FriendshipsController } from './friendships.controller';
import { FriendshipsService } from './friendships.service';
import { BlockEvent, BlockEventSchema } from './schemas/block.schema';
import { Friendship, FriendshipSchema } from './schemas/friendship.schema';
import { User, UserSchema } from './schemas/user.schema';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Users and their relationships (R5): what the friend check (R4) and blocks (R7, R8) read. */
@Module({
  imports: [
    KeyIndexModule,
    MongooseModule.forFeature([
      { name: User.name, schema: UserSchema },
      { name: Friendship.name, schema: FriendshipSchema },
      { name: BlockEvent.name, schema: BlockEventSchema },
    ]),
  ],
  controllers: [UsersController, FriendshipsController, BlocksController],
  providers: [UsersService, FriendshipsService, BlocksService],
  exports: [UsersService, FriendshipsService, BlocksService, MongooseModule],
})
export class UsersModule {}
