import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { IdPipe } from '../common/id.pipe';
import { NoticeDetailView } from './dto/notice.view';
import { NoticesService } from './notices.service';

@ApiTags('customer service')
@Controller('v1/notices')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  /** One notice with its webhook delivery attempts, for support staff answering "did they get it?". */
  @Access('support')
  @Get(':noticeId')
  @ApiOkResponse({ type: NoticeDetailView, description: 'The notice with its webhook delivery attempts.' })
  @ApiNotFoundResponse({ description: 'NOTICE_NOT_FOUND' })
  get(@Param('noticeId', IdPipe) noticeId: string): Promise<NoticeDetailView> {
    return this.notices.detail(noticeId);
  }
}
