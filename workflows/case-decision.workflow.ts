import { getExternalWorkflowHandle, proxyActivities } from '@temporalio/workflow';
import type { ReportActivities } from '../activities';
import { Decision, approveSignal, rejectSignal, reportWorkflowId } from './definitions';

/** One moderator decision on a case (all reports on one target), to be delivered to each open report. */
export interface CaseDecisionInput {
  caseId: string;
  /** The case event that recorded the decision; also names this workflow. */
  decisionId: string;
  /** ISO time of that event: the fan-out may reach reports filed after it (R3, see recordDecision). */
  decidedAt: string;
  decision: Decision;
}

export interface CaseDecisionOutcome {
  caseId: string;
  decisionId: string;
  /** Report workflows that received the decision (a report decided on its own ignores it). */
  delivered: string[];
  /** Report workflows that had already closed. */
  closed: string[];
}

/** Case decision ids are `<caseId>:<seq>`; workflow ids avoid the colon for readable Web UI links. */
export function caseDecisionWorkflowId(decisionId: string): string {
  return `decision-${decisionId.replace(':', '-')}`;
}

const { openReportsOfCase } = proxyActivities<ReportActivities>({
  summary: 'Open reports of the case',
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * Delivers a case decision to every open report workflow of the case. A workflow, not a loop in
 * the API, so a crash half-way through resumes where it stopped; each report workflow still
 * applies its own reporter's block (R7), strike (R3) and ticket (R9).
 */
export async function caseDecisionWorkflow(input: CaseDecisionInput): Promise<CaseDecisionOutcome> {
  const reportIds = await openReportsOfCase({ caseId: input.caseId });
  const { outcome, ...rest } = input.decision;
  const args = { ...rest, caseDecisionId: input.decisionId, caseDecidedAt: input.decidedAt };
  // Signals, not updates: Temporal records each as a command, so none is sent twice after a
  // crash, and a report decided in the meantime simply ignores it (the first decision wins).
  const sent = await Promise.allSettled(
    reportIds.map((reportId) => {
      const handle = getExternalWorkflowHandle(reportWorkflowId(reportId));
      return outcome === 'approved' ? handle.signal(approveSignal, args) : handle.signal(rejectSignal, args);
    }),
  );
  return {
    caseId: input.caseId,
    decisionId: input.decisionId,
    delivered: reportIds.filter((_, i) => sent[i].status === 'fulfilled'),
    closed: reportIds.filter((_, i) => sent[i].status === 'rejected'),
  };
}
