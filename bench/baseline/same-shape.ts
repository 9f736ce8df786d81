import { WithStartWorkflowOperation, WorkflowClient } from '@temporalio/client';
import { ReportLifecycleInput, decideUpdate, pastReceivedUpdate } from '../../workflows/definitions';
import { reportStartOptions } from '../../src/reports/report-workflows.service';
import { START_ONCE } from '../../src/temporal/workflow-starts.service';

/** The yardstick's task queue: the product's workflows with no-op steps (worker.ts). */
export const BASELINE_TASK_QUEUE = 'bench-same-shape';

const HOUR = 3_600_000;

/** A report's workflow input as the API would give it for an admitted chat-message report. */
export function sameShapeInput(id: string): ReportLifecycleInput {
  return {
    reportId: id,
    reporterId: `rep-${id}`,
    reportedUserId: `usr-${id}`,
    target: { kind: 'chat_message', id: `msg-${id}` },
    chatId: `chat-${id}`,
    reasons: ['abusive_hateful'],
    reviewDeadlineMs: 48 * HOUR,
    maxReviewWaitMs: 14 * 24 * HOUR,
    admission: { admitted: true, reporterId: `rep-${id}`, authorId: `usr-${id}`, checkedAt: new Date().toISOString() },
  };
}

export function sameShapeStartOptions(id: string) {
  return reportStartOptions(sameShapeInput(id), BASELINE_TASK_QUEUE);
}

/** Filing with `Prefer: wait`, as the API makes it: start and the `pastReceived` update in one call. */
export function startAndAwaitReview(workflows: WorkflowClient, id: string) {
  const startWorkflowOperation = new WithStartWorkflowOperation('reportLifecycleWorkflow', { ...sameShapeStartOptions(id), ...START_ONCE });
  return workflows.executeUpdateWithStart(pastReceivedUpdate, { startWorkflowOperation });
}

/** A moderator's approval, as the API delivers it: the `decide` update. */
export function approve(workflows: WorkflowClient, workflowId: string) {
  return workflows.getHandle(workflowId).executeUpdate(decideUpdate, { args: [{ outcome: 'approved', moderatorId: 'mod-bench' }] });
}
