import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowStartOptions } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { AppConfig } from '../config/app-config';
import { payloadDataConverter } from '../payload-encryption/payload-keys';

/** Once per id: a running workflow with the id is joined, a finished one is not run again. */
export const START_ONCE = { workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE' } as const;

/** A start that must happen once per id; a repeat joins the running workflow. */
export type OnceStartOptions = Omit<WorkflowStartOptions, keyof typeof START_ONCE | 'requestEagerStart'>;

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
   * Idempotent (`START_ONCE`), so steps that run twice and callers that do not coordinate start
   * the workflow once. `deadlineMs` bounds the call (the API answers 503 rather than hang).
   * True when this call started it, false when it had been started before.
   */
  async startOnce(workflowType: string, options: OnceStartOptions, deadlineMs?: number): Promise<boolean> {
    const client = this.eagerClient ?? this.client;
    const start = () => client.workflow.start(workflowType, { ...options, ...START_ONCE, requestEagerStart: this.eagerClient !== undefined });
    try {
      await (deadlineMs === undefined ? start() : client.withDeadline(Date.now() + deadlineMs, start));
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }
}
