import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import {
  LiftRequest,
  OverturnRequest,
  SanctionWorkflowInput,
  appealSettledSignal,
  liftUpdate,
  overturnUpdate,
  sanctionWorkflowId,
} from '../../workflows/sanction-definitions';
import { isTemporalUnavailable, temporalUnavailable } from '../temporal/temporal-errors';
import { WorkflowStarts } from '../temporal/workflow-starts.service';
import type { Sanction } from './schemas/sanction.schema';

/**
 * Starts and steers the one workflow of each sanction (`sanction-<sanctionId>`). Starting is
 * idempotent (the same id joins the running workflow, a finished one is not run again), so the
 * report workflow's activity, a retry of it, the approval of another report on the same content
 * and a CS measure can all call `start` without coordinating.
 */
@Injectable()
export class SanctionWorkflows {
  constructor(
    private readonly client: Client,
    private readonly starts: WorkflowStarts,
    private readonly config: AppConfig,
  ) {}

  async start(sanction: Sanction): Promise<void> {
    const input: SanctionWorkflowInput = {
      sanctionId: sanction._id,
      measure: sanction.measure,
      ...(sanction.endsAt ? { endsAt: sanction.endsAt.toISOString() } : {}),
      appealableUntil: sanction.appealableUntil.toISOString(),
    };
    await this.starts.startOnce('sanctionWorkflow', {
      workflowId: sanctionWorkflowId(sanction._id),
      taskQueue: this.config.taskQueue,
      args: [input],
      // No account id here: the summary is shown in the Web UI list.
      staticSummary: `Sanction ${sanction._id}: ${sanction.measure}${sanction.days ? ` ${sanction.days}d` : ''} (${sanction.policy})`,
    });
  }

  lift(sanctionId: string, request: LiftRequest) {
    return this.call(() => this.client.workflow.getHandle(sanctionWorkflowId(sanctionId)).executeUpdate(liftUpdate, { args: [request] }));
  }

  overturn(sanctionId: string, request: OverturnRequest) {
    return this.call(() => this.client.workflow.getHandle(sanctionWorkflowId(sanctionId)).executeUpdate(overturnUpdate, { args: [request] }));
  }

  settleAppeal(sanctionId: string): Promise<void> {
    return this.call(() => this.client.workflow.getHandle(sanctionWorkflowId(sanctionId)).signal(appealSettledSignal));
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      throw error;
    }
  }
}
