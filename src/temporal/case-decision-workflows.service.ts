import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { CaseDecisionInput, caseDecisionWorkflowId } from '../../workflows/case-decision.workflow';
import { isTemporalUnavailable, temporalUnavailable } from './temporal-errors';

/** Starts the workflow that delivers one case decision to the case's open report workflows. */
@Injectable()
export class CaseDecisionWorkflows {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /** Idempotent by the decision id: a repeated call joins (or finds finished) the same workflow. */
  async start(input: CaseDecisionInput, openReports: number): Promise<string> {
    const workflowId = caseDecisionWorkflowId(input.decisionId);
    try {
      await this.client.withDeadline(Date.now() + this.config.temporalRpcTimeoutMs, () =>
        this.client.workflow.start('caseDecisionWorkflow', {
          workflowId,
          taskQueue: this.config.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          staticSummary: `Case ${input.caseId}: ${input.decision.outcome} (${openReports} open reports)`,
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return workflowId;
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      throw error;
    }
    return workflowId;
  }
}
