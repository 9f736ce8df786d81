import type { NoticeWebhook } from '../../config/notice-webhook';
import { NOTICE_ID_HEADER, NOTICE_SIGNATURE_HEADER, NOTICE_TIMESTAMP_HEADER, signNotice } from './signature';

export interface WebhookAnswer {
  /** Undefined when no answer came (connection refused, timeout). */
  httpStatus?: number;
  error?: string;
  accepted: boolean;
}

/** One signed POST of a notice; any 2xx is acceptance, anything else (or no answer) is a failed attempt. */
export async function postNotice(webhook: NoticeWebhook, noticeId: string, rawBody: string, timeoutMs: number, attempt: number): Promise<WebhookAnswer> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'report-lifecycle-notices/1',
        [NOTICE_ID_HEADER]: noticeId,
        [NOTICE_TIMESTAMP_HEADER]: String(timestamp),
        [NOTICE_SIGNATURE_HEADER]: signNotice(webhook.secret, timestamp, rawBody),
        'X-Notice-Attempt': String(attempt),
      },
      body: rawBody,
      // A redirect could carry the signed notice elsewhere: count it as a failure instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { httpStatus: response.status, accepted: response.status >= 200 && response.status < 300 };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { error: cause ?? (error as Error).name ?? 'request failed', accepted: false };
  }
}
