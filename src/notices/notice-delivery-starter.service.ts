import { Injectable } from '@nestjs/common';
import { NoticeDeliveryInput, noticeDeliveryWorkflowId } from '../../workflows/notice-delivery.definitions';
import { AppConfig } from '../config/app-config';
import { WorkflowStarts } from '../temporal/workflow-starts.service';

/** Starts the delivery workflow of a stored notice, when a webhook is configured. */
@Injectable()
export class NoticeDeliveryStarter {
  constructor(
    private readonly starts: WorkflowStarts,
    private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.noticeWebhook !== undefined;
  }

  /**
   * Idempotent: a running delivery is joined and a finished one is never started again, so a
   * notice recorded twice is delivered by one workflow. Throws while Temporal is unreachable,
   * which makes the recording activity retry.
   */
  async start(noticeId: string): Promise<void> {
    if (!this.enabled) return;
    const input: NoticeDeliveryInput = { noticeId, ...this.config.noticeDelivery };
    await this.starts.startOnce('deliverNoticeWorkflow', {
      workflowId: noticeDeliveryWorkflowId(noticeId),
      taskQueue: this.config.taskQueue,
      args: [input],
      staticSummary: `Deliver notice ${noticeId}`,
    });
  }
}
