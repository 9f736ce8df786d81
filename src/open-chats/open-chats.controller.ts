import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { BoardService } from './board.service';
import { BoardPage, BoardQuery, PostWithCommentsView, ViewerQuery } from './dto/board.dto';
import { CreateAuthoredTextDto, CreateOpenChatDto, CreatedCommentView, CreatedOpenChatView, CreatedPostView } from './dto/open-chats.dto';
import { OpenChatsService } from './open-chats.service';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1')
export class OpenChatsController {
  constructor(
    private readonly openChats: OpenChatsService,
    private readonly boards: BoardService,
  ) {}

  @Access('app')
  @Post('open-chats')
  @ApiCreatedResponse({ type: CreatedOpenChatView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  createOpenChat(@Body() dto: CreateOpenChatDto): Promise<CreatedOpenChatView> {
    return this.openChats.createOpenChat(dto);
  }

  @Access('app')
  @Post('open-chats/:openChatId/posts')
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND or OPEN_CHAT_NOT_FOUND' })
  @ApiCreatedResponse({ type: CreatedPostView, description: 'The post, stored.' })
  @ApiForbiddenResponse({ description: 'ACCOUNT_RESTRICTED (details.sanctionId, details.until; null when permanent), R9' })
  createPost(@Param('openChatId', IdPipe) openChatId: string, @Body() dto: CreateAuthoredTextDto): Promise<CreatedPostView> {
    return this.openChats.createPost(openChatId, dto);
  }

  /** The board as `viewerId` sees it (R10: content taken down is shown to its author only). */
  @Access('app')
  @Get('open-chats/:openChatId/posts')
  @ApiOkResponse({ type: BoardPage, description: 'The posts, newest first; removed ones only in their author\u2019s view, marked `removed`.' })
  @ApiNotFoundResponse({ description: 'OPEN_CHAT_NOT_FOUND, USER_NOT_FOUND (the viewer)' })
  board(@Param('openChatId', IdPipe) openChatId: string, @Query() query: BoardQuery): Promise<BoardPage> {
    return this.boards.board(openChatId, query);
  }

  /** A post with its comments as `viewerId` sees it. */
  @Access('app')
  @Get('posts/:postId')
  @ApiOkResponse({
    type: PostWithCommentsView,
    description: 'The post and its comments, oldest first; removed content only in its author\u2019s view, marked `removed`.',
  })
  @ApiNotFoundResponse({ description: 'CONTENT_REMOVED (taken down, R10; the author still sees it), POST_NOT_FOUND, USER_NOT_FOUND (the viewer)' })
  post(@Param('postId', IdPipe) postId: string, @Query() query: ViewerQuery): Promise<PostWithCommentsView> {
    return this.boards.post(postId, query.viewerId);
  }

  @Access('app')
  @Post('posts/:postId/comments')
  @ApiCreatedResponse({ type: CreatedCommentView, description: 'The comment, stored.' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND, POST_NOT_FOUND, CONTENT_REMOVED (the post was taken down, R10)' })
  @ApiForbiddenResponse({ description: 'ACCOUNT_RESTRICTED (details.sanctionId, details.until; null when permanent), R9' })
  createComment(@Param('postId', IdPipe) postId: string, @Body() dto: CreateAuthoredTextDto): Promise<CreatedCommentView> {
    return this.openChats.createComment(postId, dto);
  }
}
