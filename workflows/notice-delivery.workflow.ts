import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { NoticeDeliveryActivities } from '../activities/notice-delivery.activities';
import type { NoticeDeliveryInput, NoticeDeliveryResult } from './notice-delivery.definitions';

/**
 * Delivers one stored notice to the configured webhook: POSTs it until the receiver answers
 * 2xx, with exponential backoff, at most `maxAttempts` times; then records that it gave up.
 * At-least-once: a receiver may see a notice again and de-duplicates by its id.
 */
export async function deliverNoticeWorkflow(input: NoticeDeliveryInput): Promise<NoticeDeliveryResult> {
  const { noticeId } = input;
  const { deliverNotice } = proxyActivities<NoticeDeliveryActivities>({
    summary: 'POST the signed notice to the webhook',
    // The HTTP timeout plus room to record the attempt.
    startToCloseTimeout: input.attemptTimeoutMs + 30_000,
    retry: {
      initialInterval: input.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: input.maximumIntervalMs,
      maximumAttempts: input.maxAttempts,
      nonRetryableErrorTypes: ['NoticeNotFound', 'NoticeWebhookNotConfigured'],
    },
  });
  // Bookkeeping in our own database: retry until it answers.
  const { recordNoticeUndeliverable } = proxyActivities<NoticeDeliveryActivities>({
    summary: 'Record that the notice could not be delivered',
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

  try {
    await deliverNotice({ noticeId });
    return { noticeId, delivered: true };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    await recordNoticeUndeliverable({ noticeId, reason: error.cause?.message ?? error.message });
    return { noticeId, delivered: false };
  }
}
