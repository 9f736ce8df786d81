import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiCreatedResponse({ type: FriendshipView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  add(@Param('userId', IdPipe) userId: string, @Body() dto: AddFriendDto): Promise<FriendshipView> {
    return this.friendships.add(userId, dto.friendId);
  }

  @Access('app', 'support')
  @Get()
  @ApiOkResponse({ type: [FriendshipView] })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  list(@Param('userId', IdPipe) userId: string): Promise<FriendshipView[]> {
    return this.friendships.list(userId);
  }

  @Access('app')
  @Post(':friendId/hide')
  @ApiOkResponse({ type: FriendshipView })
  @ApiNotFoundResponse({ description: 'FRIEND_NOT_FOUND' })
  @HttpCode(200)
  hide(@Param('userId', IdPipe) userId: string, @Param('friendId', IdPipe) friendId: string): Promise<FriendshipView> {
    return this.friendships.hide(userId, friendId);
  }

  @Access('app')
  @Delete(':friendId')
  @ApiOkResponse({ type: FriendshipView })
  @ApiNotFoundResponse({ description: 'FRIEND_NOT_FOUND' })
  delete(@Param('userId', IdPipe) userId: string, @Param('friendId', IdPipe) friendId: string): Promise<FriendshipView> {
    return this.friendships.delete(userId, friendId);
  }
}
