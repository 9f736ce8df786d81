import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowStartOptions } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { AppConfig } from '../config/app-config';
import { payloadDataConverter } from '../payload-encryption/payload-keys';

/** A start that must happen once per id; a repeat joins the running workflow. */
export type OnceStartOptions = Omit<WorkflowStartOptions, 'workflowIdConflictPolicy' | 'workflowIdReusePolicy' | 'requestEagerStart'>;

/**
 * Starts the workflows that steps and API calls hand off (a sanction, a notice delivery). In
 * the worker, starts go through the worker's own connection with an eager start: the server
 * answers the start with the new workflow's first task for this worker instead of queueing it
 * until a worker polls (one dispatch and one poll fewer). A worker without a free
 * workflow-task slot gets a plain start; the API starts plainly.
 */
@Injectable()
export class WorkflowStarts {
  private eagerClient?: Client;

  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
  ) {}

  /** Called by the worker process with its worker's connection; `identity` names the worker as the starter in the history. */
  startEagerlyThrough(connection: NativeConnection, identity: string): void {
    this.eagerClient = new Client({
      connection,
      namespace: this.config.temporalNamespace,
      dataConverter: payloadDataConverter(this.config.payloadKeys),
      identity,
    });
  }

  /**
   * Idempotent: a running workflow with this id is joined and a finished one is not run
   * again, so steps that run twice and callers that do not coordinate start it once.
   */
  async startOnce(workflowType: string, options: OnceStartOptions): Promise<void> {
    try {
      await (this.eagerClient ?? this.client).workflow.start(workflowType, {
        ...options,
        requestEagerStart: this.eagerClient !== undefined,
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      throw error;
    }
  }
}
