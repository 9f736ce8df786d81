import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { BlocksService } from './blocks.service';
import { BlockUserDto, BlockView } from './dto/users.dto';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1/users/:userId/blocks')
export class BlocksController {
  constructor(private readonly blocks: BlocksService) {}

  @Access('app')
  @Post()
  @ApiCreatedResponse({ type: BlockView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  block(@Param('userId', IdPipe) userId: string, @Body() dto: BlockUserDto): Promise<BlockView> {
    return this.blocks.block(userId, dto.blockedUserId);
  }

  @Access('app', 'support')
  @Get()
  @ApiOkResponse({ type: [BlockView] })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  list(@Param('userId', IdPipe) userId: string): Promise<BlockView[]> {
    return this.blocks.list(userId);
  }

  @Access('app')
  @Delete(':blockedUserId')
  @ApiOkResponse({ type: BlockView })
  @ApiNotFoundResponse({ description: 'BLOCK_NOT_FOUND' })
  unblock(@Param('userId', IdPipe) userId: string, @Param('blockedUserId', IdPipe) blockedUserId: string): Promise<BlockView> {
    return this.blocks.unblock(userId, blockedUserId);
  }
}
