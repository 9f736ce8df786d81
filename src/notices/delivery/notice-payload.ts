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

export function noticePayload(notice: Notice): NoticePayload {
  return {
    noticeId: notice._id,
    userId: notice.userId,
    kind: notice.kind,
    audience: notice.audience ?? 'reporter',
    text: notice.text,
    ...(notice.reportId ? { reportId: notice.reportId } : {}),
    ...(notice.details ? { details: notice.details } : {}),
    createdAt: new Date(notice.createdAt).toISOString(),
  };
}
