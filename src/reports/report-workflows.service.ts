import { Injectable, Logger } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import {
  DecideResult,
  Decision,
  EvidenceReceipt,
  ReportLifecycleInput,
  ReportStatus,
  decideUpdate,
  pastReceivedUpdate,
  reportReasonsKey,
  reportStatusKey,
  reportTargetKindKey,
  reportWorkflowId,
} from '../../workflows/definitions';
import { isTemporalUnavailable, isWorkflowGone, temporalUnavailable } from '../temporal/temporal-errors';
import { START_ONCE, WorkflowStarts } from '../temporal/workflow-starts.service';
import { lifecycleInputOf } from './lifecycle-input';
import { evidenceReceiptInHistory } from './recorded-evidence';
import type { Report } from './schemas/report.schema';

/** The API's door to the report workflows: starts them, delivers decisions, reads recorded evidence. */
@Injectable()
export class ReportWorkflows {
  private readonly log = new Logger(ReportWorkflows.name);

  constructor(
    private readonly client: Client,
    private readonly starts: WorkflowStarts,
    private readonly config: AppConfig,
  ) {}

  /**
   * Starts the stored report's workflow (idempotent by workflow id): true when this call
   * started it. Throws `TEMPORAL_UNAVAILABLE` when Temporal cannot be reached.
   */
  async start(report: Report): Promise<boolean> {
    try {
      return await this.starts.startOnce('reportLifecycleWorkflow', this.startOptions(report), this.config.temporalRpcTimeoutMs);
    } catch (error) {
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      throw error;
    }
  }

  /**
   * Starts the report's workflow and, in the same request, asks it (update `pastReceived`) for
   * the status its first workflow task moves the report to: the evidence, the room, the review.
   * Answered with that task, so no extra task and no polling. Null when that took longer than
   * `waitMs` or could not be asked (no worker, a workflow without the update): the ordinary
   * start then joins the workflow if it did start, or starts it, or throws as `start` does.
   */
  async startAndAwaitPastReceived(report: Report, waitMs: number): Promise<ReportStatus | null> {
    const startWorkflowOperation = new WithStartWorkflowOperation('reportLifecycleWorkflow', { ...this.startOptions(report), ...START_ONCE });
    try {
      const { status } = await this.client.withDeadline(Date.now() + waitMs, () =>
        this.client.workflow.executeUpdateWithStart(pastReceivedUpdate, { startWorkflowOperation }),
      );
      return status;
    } catch (error) {
      if (!isTemporalUnavailable(error)) this.log.warn(`report ${report._id}: not waited for past received: ${(error as Error).message}`);
      await this.start(report);
      return null;
    }
  }

  /** Started once (`START_ONCE`): a running report is joined, a finished one is never run again. */
  private startOptions(report: Report) {
    return reportStartOptions(lifecycleInputOf(report, this.config), this.config.taskQueue);
  }

  /**
   * Which of these reports have a workflow (running or closed), from Temporal's visibility
   * store: one list call for many ids, where a start per id would cost the server a start
   * each. Visibility trails a start by a moment (seconds on Elasticsearch): a report started
   * just now may be missing, never one that has no workflow.
   */
  async withWorkflow(reportIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (reportIds.length === 0) return found;
    const ids = reportIds.map((reportId) => `'${reportWorkflowId(reportId)}'`).join(', ');
    try {
      await this.client.withDeadline(Date.now() + this.config.temporalRpcTimeoutMs, async () => {
        for await (const execution of this.client.workflow.list({ query: `WorkflowId IN (${ids})` })) found.add(execution.workflowId);
      });
    } catch (error) {
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      throw error;
    }
    return new Set(reportIds.filter((reportId) => found.has(reportWorkflowId(reportId))));
  }

  async decide(reportId: string, decision: Decision): Promise<DecideResult> {
    const handle = this.client.workflow.getHandle(reportWorkflowId(reportId));
    try {
      return await handle.executeUpdate(decideUpdate, { args: [decision] });
    } catch (error) {
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      throw error;
    }
  }

  /**
   * The evidence receipt recorded in the report's workflow history at capture time (R6);
   * null when there is no such history (never started, or past the namespace's retention).
   */
  async recordedEvidence(reportId: string): Promise<EvidenceReceipt | null> {
    const handle = this.client.workflow.getHandle(reportWorkflowId(reportId));
    try {
      const history = await this.client.withDeadline(Date.now() + this.config.temporalRpcTimeoutMs, () => handle.fetchHistory());
      return await evidenceReceiptInHistory(history, this.client.options.loadedDataConverter);
    } catch (error) {
      if (isTemporalUnavailable(error)) throw temporalUnavailable();
      if (isWorkflowGone(error)) return null;
      throw error;
    }
  }
}

/** How a report's workflow is started (the benchmark's same-shape yardstick starts its own this way too). */
export function reportStartOptions(input: ReportLifecycleInput, taskQueue: string) {
  return {
    workflowId: reportWorkflowId(input.reportId),
    taskQueue,
    args: [input] as [ReportLifecycleInput],
    // No reporter or reported identity here: search attributes are stored in clear text.
    typedSearchAttributes: [
      { key: reportStatusKey, value: 'received' },
      { key: reportTargetKindKey, value: input.target.kind },
      { key: reportReasonsKey, value: input.reasons },
    ],
    staticSummary: `Report ${input.reportId}: ${input.target.kind} (${input.reasons.join(', ')})`,
    staticDetails: `Target: ${input.target.kind} ${input.target.id}\n\nReasons: ${input.reasons.join(', ')}`,
  };
}
