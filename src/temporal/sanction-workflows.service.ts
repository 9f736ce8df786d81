import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { AppConfig } from '../config/app-config';
import { payloadDataConverter } from '../payload-encryption/payload-keys';
import type { Sanction } from '../sanctions/schemas/sanction.schema';
import {
  LiftRequest,
  OverturnRequest,
  SanctionWorkflowInput,
  appealSettledSignal,
  liftUpdate,
  overturnUpdate,
  sanctionWorkflowId,
} from '../../workflows/sanction-definitions';
import { isTemporalUnavailable, temporalUnavailable } from './temporal-errors';

/**
 * Starts and steers the one workflow of each sanction (`sanction-<sanctionId>`). Starting is
 * idempotent (the same id joins the running workflow, a finished one is not run again), so the
 * report workflow's activity, a retry of it, the approval of another report on the same content
 * and a CS measure can all call `start` without coordinating.
 */
@Injectable()
export class SanctionWorkflows {
  /** Set in the worker: starts go through its own connection (see `startEagerlyThrough`). */
  private eagerStarter?: Client;

  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /**
   * The worker starts sanctions through its own connection and asks for an eager start: the
   * server answers the start with the new workflow's first task for this worker, instead of
   * queueing it until a worker polls (one dispatch and one poll fewer per approved report).
   * A worker without a free workflow-task slot gets a plain start. `identity` names the
   * worker as the starter in the history.
   */
  startEagerlyThrough(connection: NativeConnection, identity: string): void {
    this.eagerStarter = new Client({
      connection,
      namespace: this.config.temporalNamespace,
      dataConverter: payloadDataConverter(this.config.payloadKeys),
      identity,
    });
  }

  async start(sanction: Sanction): Promise<void> {
    const input: SanctionWorkflowInput = {
      sanctionId: sanction._id,
      measure: sanction.measure,
      ...(sanction.endsAt ? { endsAt: sanction.endsAt.toISOString() } : {}),
      appealableUntil: sanction.appealableUntil.toISOString(),
    };
    try {
      await (this.eagerStarter ?? this.client).workflow.start('sanctionWorkflow', {
        workflowId: sanctionWorkflowId(sanction._id),
        taskQueue: this.config.taskQueue,
        args: [input],
        requestEagerStart: this.eagerStarter !== undefined,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        // No account id here: the summary is shown in the Web UI list.
        staticSummary: `Sanction ${sanction._id}: ${sanction.measure}${sanction.days ? ` ${sanction.days}d` : ''} (${sanction.policy})`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw error;
    }
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
