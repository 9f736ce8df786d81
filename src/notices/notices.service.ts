import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { insertOnce } from '../common/insert-once';
import { AppConfig } from '../config/app-config';
import { BusinessMetrics } from '../metrics/business-metrics';
import { NoticeDeliveryLog } from './notice-delivery-log.service';
import { NoticeDeliveryStarter } from './notice-delivery-starter.service';
import { NoticeAudience, NoticeKind } from './notice-kinds';
import { NoticeDetailView, NoticeView, toNoticeView } from './dto/notice.view';
import { Notice } from './schemas/notice.schema';

export interface NewNotice {
  kind: NoticeKind;
  /** The recipient. */
  userId: string;
  audience: NoticeAudience;
  /** What the notice is about (a report, a sanction): one notice per kind and subject. Defaults to `reportId`. */
  subjectId?: string;
  reportId?: string;
  text: string;
  details?: Record<string, unknown>;
  /** Ids the notice must not contain: R2, the reporter in anything the reported person reads. */
  neverMention?: string[];
  at?: Date;
}

export function noticeIdOf(kind: NoticeKind, subjectId: string): string {
  return `${kind}-${subjectId}`;
}

/** The outbox: every notice to a user is stored here once and, with a webhook configured, delivered. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectModel(Notice.name) private readonly notices: Model<Notice>,
    private readonly deliveryLog: NoticeDeliveryLog,
    private readonly delivery: NoticeDeliveryStarter,
    private readonly metrics: BusinessMetrics,
    private readonly config: AppConfig,
  ) {}

  /**
   * Records a notice once (a second call with the same kind and subject changes nothing) and
   * starts its delivery. Safe to call again after a failure: the delivery start is idempotent.
   */
  async record(notice: NewNotice): Promise<string> {
    const subjectId = notice.subjectId ?? notice.reportId;
    if (!subjectId) throw new Error(`a ${notice.kind} notice needs a subjectId or a reportId`);
    assertMentionsNone(notice);
    const _id = noticeIdOf(notice.kind, subjectId);
    const created = await insertOnce(this.notices, {
      _id,
      userId: notice.userId,
      kind: notice.kind,
      audience: notice.audience,
      text: notice.text,
      ...(notice.reportId ? { reportId: notice.reportId } : {}),
      ...(notice.details ? { details: notice.details } : {}),
      createdAt: notice.at ?? new Date(),
    });
    if (created) this.metrics.noticeRecorded(notice.kind);
    await this.delivery.start(_id);
    return _id;
  }

  find(noticeId: string): Promise<Notice | null> {
    return this.notices.findById(noticeId).lean();
  }

  async forUser(userId: string, kind?: NoticeKind): Promise<NoticeView[]> {
    const rows = await this.notices
      .find(kind ? { userId, kind } : { userId })
      .sort({ createdAt: -1, _id: 1 })
      .limit(100)
      .lean();
    return rows.map(toNoticeView);
  }

  /** For support: the notice and every delivery attempt. */
  async detail(noticeId: string): Promise<NoticeDetailView> {
    const notice = await this.find(noticeId);
    if (!notice) throw ApiError.notFound('NOTICE_NOT_FOUND', `Notice ${noticeId} does not exist.`);
    return { ...toNoticeView(notice), delivery: await this.deliveryLog.viewOf(noticeId, this.config.noticeWebhook !== undefined) };
  }
}

/** Ids are letters, digits, "_" and "-": a mention is the id not inside a longer id. */
function assertMentionsNone(notice: NewNotice): void {
  const text = JSON.stringify([notice.text, notice.details ?? null]);
  for (const id of notice.neverMention ?? []) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^A-Za-z0-9_-])${escaped}([^A-Za-z0-9_-]|$)`).test(text)) {
      throw new Error(`a ${notice.kind} notice to ${notice.audience} would disclose an identity it must not carry`);
    }
  }
}
