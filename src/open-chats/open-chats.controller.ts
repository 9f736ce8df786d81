import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { CreateAuthoredTextDto, CreateOpenChatDto } from './dto/open-chats.dto';
import { OpenChatsService } from './open-chats.service';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1')
export class OpenChatsController {
  constructor(private readonly openChats: OpenChatsService) {}

  @Access('app')
  @Post('open-chats')
  @ApiCreatedResponse({ description: '`{openChatId}`' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  createOpenChat(@Body() dto: CreateOpenChatDto): Promise<{ openChatId: string }> {
    return this.openChats.createOpenChat(dto);
  }

  @Access('app')
  @Post('open-chats/:openChatId/posts')
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND or OPEN_CHAT_NOT_FOUND' })
  @ApiCreatedResponse({ description: 'The post, stored.' })
  @ApiForbiddenResponse({ description: 'ACCOUNT_RESTRICTED (details.sanctionId, details.until; null when permanent), R9' })
  createPost(@Param('openChatId', IdPipe) openChatId: string, @Body() dto: CreateAuthoredTextDto): Promise<{ postId: string }> {
    return this.openChats.createPost(openChatId, dto);
  }

  @Access('app')
  @Post('posts/:postId/comments')
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND or POST_NOT_FOUND' })
  @ApiCreatedResponse({ description: 'The comment, stored.' })
  @ApiForbiddenResponse({ description: 'ACCOUNT_RESTRICTED (details.sanctionId, details.until; null when permanent), R9' })
  createComment(@Param('postId', IdPipe) postId: string, @Body() dto: CreateAuthoredTextDto): Promise<{ commentId: string }> {
    return this.openChats.createComment(postId, dto);
  }
}
