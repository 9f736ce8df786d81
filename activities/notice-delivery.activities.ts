import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Logger } from 'pino';
import type { NoticeWebhook } from '../src/config/notice-webhook';
import { noticePayload } from '../src/notices/delivery/notice-payload';
import { postNotice } from '../src/notices/delivery/webhook-post';
import type { NoticeDeliveryLog } from '../src/notices/notice-delivery-log.service';
import type { NoticesService } from '../src/notices/notices.service';
import { withStepLogs } from './logged';

export interface NoticeDeliveryDeps {
  notices: Pick<NoticesService, 'find'>;
  deliveryLog: Pick<NoticeDeliveryLog, 'recordAttempt' | 'recordGaveUp'>;
  /** Undefined: this worker has no webhook configured and delivers nothing. */
  webhook?: NoticeWebhook;
  attemptTimeoutMs: number;
  log: Logger;
}

export interface NoticeRef {
  noticeId: string;
}

export function createNoticeDeliveryActivities(deps: NoticeDeliveryDeps) {
  return withStepLogs(deps.log, {
    /**
     * One signed POST of the notice. Every attempt is recorded before it returns or fails;
     * a failure is thrown so Temporal retries with backoff. Running twice POSTs twice, which
     * is why receivers de-duplicate by the notice id.
     */
    async deliverNotice({ noticeId }: NoticeRef): Promise<{ attempt: number; httpStatus?: number }> {
      const notice = await deps.notices.find(noticeId);
      if (!notice) throw ApplicationFailure.nonRetryable(`notice ${noticeId} does not exist`, 'NoticeNotFound');
      if (!deps.webhook) throw ApplicationFailure.nonRetryable('NOTICE_WEBHOOK_URL is not configured on this worker', 'NoticeWebhookNotConfigured');
      const attempt = currentAttempt();
      const answer = await postNotice(deps.webhook, noticeId, JSON.stringify(noticePayload(notice)), deps.attemptTimeoutMs, attempt);
      await deps.deliveryLog.recordAttempt({ noticeId, attempt, ...answer });
      if (!answer.accepted) {
        throw ApplicationFailure.retryable(`the receiver did not accept notice ${noticeId}: ${answer.httpStatus ?? answer.error}`, 'NoticeNotAccepted');
      }
      return { attempt, httpStatus: answer.httpStatus };
    },

    async recordNoticeUndeliverable({ noticeId, reason }: NoticeRef & { reason: string }): Promise<void> {
      await deps.deliveryLog.recordGaveUp(noticeId, reason);
    },
  });
}

export type NoticeDeliveryActivities = ReturnType<typeof createNoticeDeliveryActivities>;

/** Temporal's attempt number (1, 2, ...); 1 outside a worker (direct calls in tests). */
function currentAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}
