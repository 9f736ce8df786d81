import { toNoticeView } from '../dto/notice.view';
import type { Notice } from '../schemas/notice.schema';

/** What a receiver gets: the notice as the user would read it, keyed by its id. */
export interface NoticePayload {
  noticeId: string;
  userId: string;
  kind: string;
  audience: string;
  text: string;
  reportId?: string;
  details?: Record<string, unknown>;
  createdAt: string;
}

/** The same fields the API shows for a notice, with the time as an ISO string for the receiver. */
export function noticePayload(notice: Notice): NoticePayload {
  return { ...toNoticeView(notice), createdAt: new Date(notice.createdAt).toISOString() };
}
