import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '../common/insert-once';
import { BusinessMetrics } from '../metrics/business-metrics';
import { DeliveryOutcome, NoticeDelivery } from './schemas/notice-delivery.schema';

export const DELIVERY_STATES = ['stored_only', 'pending', 'delivered', 'undeliverable'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeliveryView {
  state: DeliveryState;
  attempts: Array<{ attempt: number; outcome: DeliveryOutcome; httpStatus?: number; error?: string; at: Date }>;
}

/** The append-only record of webhook attempts; a notice's delivery state is computed from it. */
@Injectable()
export class NoticeDeliveryLog {
  constructor(
    @InjectModel(NoticeDelivery.name) private readonly deliveries: Model<NoticeDelivery>,
    private readonly metrics: BusinessMetrics,
  ) {}

  async recordAttempt(attempt: { noticeId: string; attempt: number; accepted: boolean; httpStatus?: number; error?: string }): Promise<void> {
    const outcome: DeliveryOutcome = attempt.accepted ? 'delivered' : 'failed';
    const created = await insertOnce(this.deliveries, {
      _id: `${attempt.noticeId}:${attempt.attempt}`,
      noticeId: attempt.noticeId,
      attempt: attempt.attempt,
      outcome,
      ...(attempt.httpStatus !== undefined ? { httpStatus: attempt.httpStatus } : {}),
      ...(attempt.error ? { error: attempt.error.slice(0, 500) } : {}),
      at: new Date(),
    });
    if (created) this.metrics.noticeDeliveryAttempt(outcome);
  }

  async recordGaveUp(noticeId: string, reason: string): Promise<void> {
    const attempts = await this.deliveries.countDocuments({ noticeId, outcome: { $ne: 'gave_up' } });
    const created = await insertOnce(this.deliveries, {
      _id: `${noticeId}:gave_up`,
      noticeId,
      attempt: attempts,
      outcome: 'gave_up',
      error: reason.slice(0, 500),
      at: new Date(),
    });
    if (created) this.metrics.noticeDeliveryAttempt('gave_up');
  }

  async viewOf(noticeId: string, webhookConfigured: boolean): Promise<DeliveryView> {
    const rows = await this.deliveries.find({ noticeId }).sort({ at: 1, attempt: 1 }).lean();
    const attempts = rows.map(({ attempt, outcome, httpStatus, error, at }) => ({ attempt, outcome, httpStatus, error, at }));
    return {
      state: deliveryState(
        attempts.map((a) => a.outcome),
        webhookConfigured,
      ),
      attempts,
    };
  }
}

/** The state is a projection of the attempts: any acceptance wins, then giving up. */
export function deliveryState(outcomes: DeliveryOutcome[], webhookConfigured: boolean): DeliveryState {
  if (outcomes.includes('delivered')) return 'delivered';
  if (outcomes.includes('gave_up')) return 'undeliverable';
  return webhookConfigured || outcomes.length > 0 ? 'pending' : 'stored_only';
}
