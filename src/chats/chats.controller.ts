import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ID_SCHEMA, IdPipe } from '../common/id.pipe';
import { ChatsService } from './chats.service';
import { ChatView, CreateChatDto, CreatedChatView, PostedMessageView, PostMessageDto } from './dto/chats.dto';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1/chats')
export class ChatsController {
  constructor(private readonly chats: ChatsService) {}

  @Access('app')
  @Post()
  @ApiCreatedResponse({ type: CreatedChatView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  create(@Body() dto: CreateChatDto): Promise<CreatedChatView> {
    return this.chats.create(dto);
  }

  @Access('app')
  @Post(':chatId/messages')
  @ApiNotFoundResponse({ description: 'CHAT_NOT_FOUND' })
  @ApiCreatedResponse({
    type: PostedMessageView,
    description: 'The message, stored; to a member who blocks the sender it is withheld from them (R7) with the same answer.',
  })
  @ApiForbiddenResponse({ description: 'ACCOUNT_RESTRICTED (details.sanctionId, details.until; null when permanent), R9' })
  postMessage(@Param('chatId', IdPipe) chatId: string, @Body() dto: PostMessageDto): Promise<PostedMessageView> {
    return this.chats.postMessage(chatId, dto);
  }

  @Access('app')
  @Get(':chatId')
  @ApiOkResponse({ type: ChatView })
  @ApiNotFoundResponse({ description: 'CHAT_NOT_FOUND' })
  @ApiQuery({ name: 'userId', description: 'The member whose view to return.', schema: ID_SCHEMA })
  view(@Param('chatId', IdPipe) chatId: string, @Query('userId', IdPipe) userId: string): Promise<ChatView> {
    return this.chats.view(chatId, userId);
  }
}
