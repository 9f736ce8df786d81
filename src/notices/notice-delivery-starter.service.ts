import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { NoticeDeliveryInput, noticeDeliveryWorkflowId } from '../../workflows/notice-delivery.definitions';
import { AppConfig } from '../config/app-config';

/** Starts the delivery workflow of a stored notice, when a webhook is configured. */
@Injectable()
export class NoticeDeliveryStarter {
  constructor(
    private readonly client: Client,
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
    try {
      await this.client.workflow.start('deliverNoticeWorkflow', {
        workflowId: noticeDeliveryWorkflowId(noticeId),
        taskQueue: this.config.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Deliver notice ${noticeId}`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw error;
    }
  }
}
