import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { ReportActivities } from '../activities';
import {
  Decision,
  FINAL_STATUSES,
  REPORT_ALREADY_DECIDED,
  REPORT_NOT_REVIEWABLE,
  ReportLifecycleInput,
  ReportOutcome,
  ReportStatus,
  ReportWorkflowState,
  approveSignal,
  decideUpdate,
  pastReceivedUpdate,
  rejectSignal,
  reportStatusKey,
  statusQuery,
} from './definitions';

/**
 * One step of the lifecycle, shown in the Temporal Web UI under its summary. Steps only touch our
 * own database: they retry until it answers (an outage must not lose a report), but give up at
 * once on a report that no longer exists, which retrying cannot bring back.
 */
function step(summary: string): ReportActivities {
  return proxyActivities<ReportActivities>({
    summary,
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['ReportNotFound'] },
  });
}

/**
 * One report, from its evidence (R6) to the follow-up notice to customer service (R9). The friend
 * check (R4) was judged by the API before the report was stored: an admitted report is all that
 * reaches this workflow, with that judgement in its input.
 */
export async function reportLifecycleWorkflow(input: ReportLifecycleInput): Promise<ReportOutcome> {
  const { reportId } = input;
  const ref = { reportId };
  const state: ReportWorkflowState = {
    status: 'received',
    admission: input.admission,
    evidence: null,
    decision: null,
    decisionRecorded: false,
    reviewOverdue: false,
  };
  const setStatus = (status: ReportStatus) => {
    state.status = status;
    upsertSearchAttributes([{ key: reportStatusKey, value: status }]);
  };
  const isFinal = () => FINAL_STATUSES.includes(state.status);
  // The first decision wins, whichever way it came (update, signal, or the report's case).
  const accept = (decision: Decision): boolean => {
    if (!isWellFormed(decision) || state.decision || isFinal()) return false;
    state.decision = decision;
    return true;
  };
  const refusalToDecide = (): ApplicationFailure =>
    state.decision
      ? ApplicationFailure.nonRetryable(`Report ${reportId} was already ${state.decision.outcome}.`, REPORT_ALREADY_DECIDED)
      : ApplicationFailure.nonRetryable(`Report ${reportId} is ${state.status} and cannot be reviewed.`, REPORT_NOT_REVIEWABLE);

  setHandler(statusQuery, () => state);
  setHandler(pastReceivedUpdate, async () => {
    await condition(() => state.status !== 'received');
    return { status: state.status };
  });
  // Signals let moderators and support decide from the Temporal CLI or Web UI too.
  setHandler(approveSignal, (args) => void accept({ outcome: 'approved', ...args }));
  setHandler(rejectSignal, (args) => void accept({ outcome: 'rejected', ...args }));
  setHandler(
    decideUpdate,
    async (decision) => {
      if (!accept(decision)) throw refusalToDecide();
      await condition(() => state.decisionRecorded || isFinal());
      if (!state.decisionRecorded) throw refusalToDecide();
      return { reportId, status: state.status };
    },
    {
      validator: (decision: Decision) => {
        if (!isWellFormed(decision)) throw ApplicationFailure.nonRetryable('A decision needs an outcome and a moderatorId.', 'INVALID_DECISION');
        if (state.decision || isFinal()) throw refusalToDecide();
      },
    },
  );

  // R6: the conversation is kept before the room goes, so reporting never loses what an
  // investigation would need.
  state.evidence = await step('Store evidence (R6)').storeEvidence(ref);
  if (input.target.kind === 'chat_message') await step('Delete chat room for reporter (R6)').deleteChatRoom(ref);
  // A report on content whose case a moderator already decided takes that decision at once.
  const caseDecision = await step('Open moderator review').openReview(ref);
  setStatus('awaiting_review');
  if (caseDecision) accept(caseDecision);

  let decided = await condition(() => state.decision !== null, input.reviewDeadlineMs, { summary: 'Review deadline' });
  if (!decided) {
    await step('Escalate overdue review to customer service (R9)').escalateOverdueReview(ref);
    state.reviewOverdue = true;
    decided = await condition(() => state.decision !== null, input.maxReviewWaitMs - input.reviewDeadlineMs, { summary: 'Maximum review wait' });
  }
  if (!decided) {
    await step('Expire unreviewed report').expireReport(ref);
    setStatus('expired');
    return finish();
  }

  const decision = state.decision!;
  await step('Record decision (R10)').recordDecision({ ...ref, decision });
  setStatus(decision.outcome);
  state.decisionRecorded = true;
  // One after the other, not in parallel: each also writes the report document, and the
  // embedded FerretDB loses one of two concurrent updates to the same document.
  if (decision.outcome === 'approved') {
    await step('Auto-block (R7)').blockReportedUser(ref);
    await step('Sanction reported account (R9)').sanctionReportedAccount(ref);
    // R10: after the sanction, whose policy and statement of reasons the removal carries. A 1:1
    // message is not taken down: its room is gone for the reporter alone (R6).
    if (input.target.kind !== 'chat_message') await step('Take down reported content (R10)').takeDownReportedContent(ref);
  } else if (decision.falseReport) {
    await step('Strike against the reporter (R3)').recordFalseReport(ref);
  }
  await step('Follow-up notice to customer service (R9)').notifyCustomerService(ref);
  return finish();

  async function finish(): Promise<ReportOutcome> {
    // Let a waiting decide update answer before the workflow closes.
    await condition(allHandlersFinished);
    return { reportId, status: state.status, evidence: state.evidence };
  }
}

function isWellFormed(decision: Decision | undefined): boolean {
  return (decision?.outcome === 'approved' || decision?.outcome === 'rejected') && typeof decision.moderatorId === 'string' && decision.moderatorId.length > 0;
}
