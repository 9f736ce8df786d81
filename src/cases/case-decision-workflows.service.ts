import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CaseDecisionInput, caseDecisionWorkflowId } from '../../workflows/case-decision.workflow';
import { isTemporalUnavailable, temporalUnavailable } from '../temporal/temporal-errors';
import { WorkflowStarts } from '../temporal/workflow-starts.service';

/** Starts the workflow that delivers one case decision to the case's open report workflows. */
@Injectable()
export class CaseDecisionWorkflows {
  constructor(
    private readonly starts: WorkflowStarts,
    private readonly config: AppConfig,
  ) {}

  /** Idempotent by the decision id: a repeated call joins (or finds finished) the same workflow. */
  async start(input: CaseDecisionInput, openReports: number): Promise<string> {
    const workflowId = caseDecisionWorkflowId(input.decisionId);
    try {
      await this.starts.startOnce(
        'caseDecisionWorkflow',
        {
          workflowId,
          taskQueue: this.config.taskQueue,
          args: [input],
          staticSummary: `Case ${input.caseId}: ${input.decision.outcome} (${openReports} open reports)`,
        },
        this.config.temporalRpcTimeoutMs,
      );
    } catch (error) {
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      throw error;
    }
    return workflowId;
  }
}
