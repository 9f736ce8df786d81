import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_AUDIENCES, NOTICE_KINDS } from '../notice-kinds';
import { DELIVERY_STATES, type DeliveryView } from '../notice-delivery-log.service';
import { DELIVERY_OUTCOMES, DeliveryOutcome } from '../schemas/notice-delivery.schema';
import type { Notice } from '../schemas/notice.schema';

export class NoticeView {
  @ApiProperty() noticeId: string;
  @ApiProperty() userId: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: string;
  @ApiProperty({ enum: NOTICE_AUDIENCES }) audience: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional() reportId?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export class DeliveryAttemptView {
  @ApiProperty({ type: 'integer' }) attempt: number;
  @ApiProperty({ enum: DELIVERY_OUTCOMES }) outcome: DeliveryOutcome;
  @ApiPropertyOptional({ type: 'integer', description: "The webhook's answer, when it answered." }) httpStatus?: number;
  @ApiPropertyOptional() error?: string;
  @ApiProperty() at: Date;
}

export class NoticeDeliveryView implements DeliveryView {
  @ApiProperty({ enum: DELIVERY_STATES, description: 'stored_only when no webhook is configured' }) state: DeliveryView['state'];
  @ApiProperty({ type: [DeliveryAttemptView], description: 'In order.' }) attempts: DeliveryAttemptView[];
}

export class NoticeDetailView extends NoticeView {
  @ApiProperty({ type: NoticeDeliveryView })
  delivery: NoticeDeliveryView;
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
