import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { AddFriendDto, FriendshipView } from './dto/users.dto';
import { FriendshipsService } from './friendships.service';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1/users/:userId/friends')
export class FriendshipsController {
  constructor(private readonly friendships: FriendshipsService) {}

  @Access('app')
  @Post()
  add(@Param('userId', IdPipe) userId: string, @Body() dto: AddFriendDto): Promise<FriendshipView> {
    return this.friendships.add(userId, dto.friendId);
  }

  @Access('app', 'support')
  @Get()
  list(@Param('userId', IdPipe) userId: string): Promise<FriendshipView[]> {
    return this.friendships.list(userId);
  }

  @Access('app')
  @Post(':friendId/hide')
  @HttpCode(200)
  hide(@Param('userId', IdPipe) userId: string, @Param('friendId', IdPipe) friendId: string): Promise<FriendshipView> {
    return this.friendships.hide(userId, friendId);
  }

  @Access('app')
  @Delete(':friendId')
  delete(@Param('userId', IdPipe) userId: string, @Param('friendId', IdPipe) friendId: string): Promise<FriendshipView> {
    return this.friendships.delete(userId, friendId);
  }
}
