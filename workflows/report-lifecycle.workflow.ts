import {
  ActivityOptions,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
} from '@temporalio/workflow';
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
  admissionUpdate,
  approveSignal,
  decideUpdate,
  pastReceivedUpdate,
  rejectSignal,
  reportStatusKey,
  statusQuery,
} from './definitions';

// Activities only touch our own database: retry until it answers (an outage must not lose
// a report), but give up at once on failures that retrying cannot fix.
const STEP_OPTIONS: Pick<ActivityOptions, 'startToCloseTimeout' | 'retry'> = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['ReportNotFound'] },
};

function activityStep(summary: string): ReportActivities {
  return proxyActivities<ReportActivities>({ summary, ...STEP_OPTIONS });
}

/**
 * Each step is a few idempotent database writes of well under a second: as a local activity it
 * runs in the worker that holds the workflow, and steps in a row share one workflow task (a
 * marker each in the history instead of six events and a server round trip). Retries past a
 * minute's backoff wait on a timer, so a database outage still cannot lose a report.
 */
function localStep(summary: string): ReportActivities {
  return proxyLocalActivities<ReportActivities>({ summary, ...STEP_OPTIONS });
}

/** One report, from the friend check (R4) to the follow-up notice to customer service (R9). */
export async function reportLifecycleWorkflow(input: ReportLifecycleInput): Promise<ReportOutcome> {
  const { reportId } = input;
  const ref = { reportId };
  const state: ReportWorkflowState = {
    status: 'received',
    admission: null,
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
  const accept = (decision: Decision): boolean => {
    if (!isWellFormed(decision) || state.decision || isFinal()) return false;
    state.decision = decision;
    return true;
  };

  setHandler(statusQuery, () => state);
  setHandler(admissionUpdate, async () => {
    await condition(() => state.admission !== null);
    return state.admission!;
  });
  setHandler(pastReceivedUpdate, async () => {
    await condition(() => state.status !== 'received');
    return { status: state.status };
  });
  // Signals from the CLI or Web UI: the first decision wins, later ones are ignored.
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
      validator: (decision) => {
        if (!isWellFormed(decision)) throw ApplicationFailure.nonRetryable('A decision needs an outcome and a moderatorId.', 'INVALID_DECISION');
        if (state.decision || isFinal()) throw refusalToDecide();
      },
    },
  );

  function refusalToDecide(): ApplicationFailure {
    return state.decision
      ? ApplicationFailure.nonRetryable(`Report ${reportId} was already ${state.decision.outcome}.`, REPORT_ALREADY_DECIDED)
      : ApplicationFailure.nonRetryable(`Report ${reportId} is ${state.status} and cannot be reviewed.`, REPORT_NOT_REVIEWABLE);
  }

  // Added after reports were already running: theirs keep running their steps as activities, as
  // do reports started without the admission judged at filing (only ever older ones). A report
  // with the latest patch has every earlier one too, so it asks for none of them: each patch call
  // records a marker and upserts TemporalChangeVersion, one more visibility write per call.
  // Each of the four below means "this patch or a newer one".
  const judgedAtFiling = input.admission !== undefined;
  const approvalInOneStep = judgedAtFiling && patched('approval-in-one-step');
  const evidenceStepDeletesRoom = approvalInOneStep || (judgedAtFiling && patched('evidence-and-room-in-one-step'));
  const latest = evidenceStepDeletesRoom || (judgedAtFiling && patched('first-outcome-step-as-activity'));
  const current = latest || (judgedAtFiling && patched('steps-as-local-activities'));
  const step = current ? localStep : activityStep;
  const since = (patchId: string) => current || patched(patchId);

  // R4 is judged by the API at filing now; reports started before that run the check here.
  if (input.admission && since('admission-at-filing')) state.admission = input.admission;
  else state.admission = await step('Friend check (R4)').checkFriendship(ref);
  if (!state.admission.admitted) {
    setStatus('refused');
    return finish();
  }

  // The review opens in the last step before it (one write, one activity fewer); reports
  // started before that open it in a step of its own. Since `case-decision-with-review` that
  // step also answers with the case's standing decision (another activity fewer).
  const foldedReview = since('review-opened-with-step');
  const caseWithReview = foldedReview && since('case-decision-with-review');
  const deletesRoom = input.target.kind === 'chat_message';
  const opening = foldedReview ? ', open review' : '';
  const opens = (openReview: boolean) => ({ ...ref, openReview, ...(openReview && caseWithReview ? { withCaseDecision: true } : {}) });
  // Since `evidence-and-room-in-one-step` the evidence step deletes the room too (after the
  // capture); reports started before delete it in a step of their own.
  const roomWithEvidence = deletesRoom && evidenceStepDeletesRoom;
  const evidenceSummary = roomWithEvidence ? 'Store evidence, delete chat room for reporter (R6)' : 'Store evidence (R6)';
  const evidenceOpensReview = foldedReview && (!deletesRoom || roomWithEvidence);
  const { caseDecision: fromEvidenceStep, ...receipt } = await step(`${evidenceSummary}${evidenceOpensReview ? opening : ''}`).storeEvidence({
    ...opens(evidenceOpensReview),
    ...(roomWithEvidence ? { deleteRoom: true } : {}),
  });
  state.evidence = receipt;
  let opened = fromEvidenceStep;
  if (deletesRoom && !roomWithEvidence) opened = (await step(`Delete chat room for reporter (R6)${opening}`).deleteChatRoom(opens(foldedReview)))?.caseDecision;
  if (!foldedReview) await step('Open moderator review').openReview(ref);
  setStatus('awaiting_review');
  // Added after reports were already running (see the README): a report on content whose case
  // a moderator already decided takes that decision at once instead of queueing again.
  if (caseWithReview) {
    if (opened) accept(opened);
  } else if (since('case-decisions')) {
    const caseDecision = await step('Apply the case decision, if any').caseDecisionFor(ref);
    if (caseDecision) accept(caseDecision);
  }

  let decided = await condition(() => state.decision !== null, input.reviewDeadlineMs, { summary: 'Review deadline' });
  if (!decided) {
    await step('Escalate overdue review to CS').escalateOverdueReview(ref);
    state.reviewOverdue = true;
    const remaining = input.maxReviewWaitMs - input.reviewDeadlineMs;
    decided = await condition(() => state.decision !== null, remaining, { summary: 'Maximum review wait' });
  }
  if (!decided) {
    await step('Expire unreviewed report').expireReport(ref);
    setStatus('expired');
    return finish();
  }

  const decision = state.decision!;
  await step(`Record decision: ${decision.outcome}`).recordDecision({ ...ref, decision });
  setStatus(decision.outcome);
  state.decisionRecorded = true;
  // The decide update answers with the workflow task that records the decision; local steps
  // after it would hold that task, and the moderator's answer, until they all finish. So the
  // first step after the decision runs as an activity: scheduling it closes the task. Reports
  // before patch `first-outcome-step-as-activity` close it with a 1 ms timer, which the server
  // fires up to a second late (its timer queue's `history.timerProcessorMaxTimeShift`).
  let outcomeStep = latest ? activityStep : step;
  const nextOutcomeStep = (summary: string) => {
    const chosen = outcomeStep(summary);
    outcomeStep = step;
    return chosen;
  };
  if (current && !latest) await sleep(1, { summary: 'Answer the moderator' });
  // Since `approval-in-one-step` an approval's block, sanction and CS notice are one activity
  // (one report write, two steps fewer); reports started before run them one by one below.
  if (decision.outcome === 'approved' && approvalInOneStep) {
    await nextOutcomeStep('Auto-block (R7), sanction (R9), follow-up notice to customer service (R9)').applyApproval(ref);
    return finish();
  }
  // One after the other, not in parallel: both also write the report document, and the
  // embedded FerretDB (SQLite) loses one of two concurrent updates to the same document.
  if (decision.outcome === 'approved') await nextOutcomeStep('Auto-block reported user (R7)').applyAutoBlock(ref);
  // Added after reports were already running: their histories have no such step, so replay
  // takes the old path (see "Changing workflow code safely" in the README).
  if (decision.outcome === 'rejected' && decision.falseReport && since('false-report-strikes')) {
    await nextOutcomeStep('Strike against the reporter (R3)').recordFalseReport(ref);
  }
  // The sanction on the reported account (R9) runs as a workflow of its own; this step issues
  // it and starts that workflow. Added later, hence its own patch (older histories skip it).
  if (decision.outcome === 'approved' && since('sanctions')) {
    await nextOutcomeStep('Sanction the reported account (R9)').sanctionReportedUser(ref);
  }
  await nextOutcomeStep('Follow-up notice to customer service (R9)').notifyCustomerService(ref);
  return finish();

  async function finish(): Promise<ReportOutcome> {
    // Let a waiting decide update answer before the workflow closes.
    await condition(allHandlersFinished);
    return { reportId, status: state.status, evidence: state.evidence };
  }
}

function isWellFormed(decision: Decision | undefined): boolean {
  return (
    (decision?.outcome === 'approved' || decision?.outcome === 'rejected') &&
    typeof decision.moderatorId === 'string' &&
    decision.moderatorId.length > 0
  );
}
