import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { IdPipe } from '../common/id.pipe';
import { NoticeView } from './dto/notice.view';
import { UserNoticesQuery } from './dto/notices.query';
import { NoticesService } from './notices.service';

@ApiTags('platform')
@Controller('v1/users/:userId/notices')
export class UserNoticesController {
  constructor(private readonly notices: NoticesService) {}

  /** Notices addressed to this user, newest first; a notice to the reported person never names the reporter (R2). */
  @Access('app', 'support')
  @Get()
  @ApiOkResponse({ type: [NoticeView], description: 'At most 100.' })
  list(@Param('userId', IdPipe) userId: string, @Query() query: UserNoticesQuery): Promise<NoticeView[]> {
    return this.notices.forUser(userId, query.kind);
  }
}
