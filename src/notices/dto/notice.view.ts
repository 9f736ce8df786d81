import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_AUDIENCES, NOTICE_KINDS } from '../notice-kinds';
import type { DeliveryView } from '../notice-delivery-log.service';
import type { Notice } from '../schemas/notice.schema';

export class NoticeView {
  @ApiProperty() noticeId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: string;
  @ApiProperty({ enum: NOTICE_AUDIENCES }) audience: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional() reportId?: string;
  @ApiPropertyOptional() details?: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export class NoticeDetailView extends NoticeView {
  @ApiProperty({ description: 'state: stored_only (no webhook), pending, delivered or undeliverable; attempts in order' })
  delivery: DeliveryView;
}

export function toNoticeView(notice: Notice): NoticeView {
  return {
    noticeId: notice._id,
    userId: notice.userId,
    kind: notice.kind,
    audience: notice.audience ?? 'reporter',
    text: notice.text,
    ...(notice.reportId ? { reportId: notice.reportId } : {}),
    ...(notice.details ? { details: notice.details } : {}),
    createdAt: notice.createdAt,
  };
}
