import { ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ReportActivities } from '../activities';
import {
  LiftRequest,
  OverturnRequest,
  SANCTION_ALREADY_OVERTURNED,
  SANCTION_NOT_ACTIVE,
  SanctionOutcome,
  SanctionWorkflowInput,
  SanctionWorkflowState,
  appealSettledSignal,
  liftUpdate,
  overturnUpdate,
  sanctionStateQuery,
} from './sanction-definitions';

// An appeal filed in the last moment of its window reaches the database a little after the
// API checked the window; the workflow looks for it only after this grace.
const APPEAL_GRACE_MS = 60_000;
// While an appeal waits for a moderator past its window, the workflow re-reads it this often,
// so a lost "denied" signal cannot keep it open for ever.
const PENDING_APPEAL_RECHECK = '1 day';

function step(summary: string): ReportActivities {
  return proxyActivities<ReportActivities>({
    summary,
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['SanctionNotFound'] },
  });
}

/**
 * One sanction (R9), id `sanction-<sanctionId>`: in force until its end (a durable timer, not a
 * cron), unless CS lifts it first; then open to appeal until the window closes. An upheld appeal
 * overturns it, revokes the automatic blocks (R7) behind it and restores content taken down with
 * it (R10).
 */
export async function sanctionWorkflow(input: SanctionWorkflowInput): Promise<SanctionOutcome> {
  const { sanctionId } = input;
  const ref = { sanctionId };
  const state: SanctionWorkflowState = {
    phase: input.measure === 'warning' ? 'appealable' : 'in_force',
    ended: false,
    lift: null,
    overturn: null,
    recorded: false,
  };
  let appealSettled = false;

  setHandler(sanctionStateQuery, () => state);
  setHandler(appealSettledSignal, () => void (appealSettled = true));
  setHandler(
    liftUpdate,
    async (request) => {
      state.lift = request;
      await condition(() => state.recorded);
      return state;
    },
    {
      validator: (_request: LiftRequest) => {
        if (state.phase !== 'in_force' || state.lift || state.overturn) {
          throw ApplicationFailure.nonRetryable(`Sanction ${sanctionId} is not in force.`, SANCTION_NOT_ACTIVE);
        }
      },
    },
  );
  setHandler(
    overturnUpdate,
    async (request) => {
      state.overturn = request;
      await condition(() => state.recorded && state.phase === 'closed');
      return state;
    },
    {
      validator: (_request: OverturnRequest) => {
        if (state.overturn) throw ApplicationFailure.nonRetryable(`Sanction ${sanctionId} was already overturned.`, SANCTION_ALREADY_OVERTURNED);
        if (state.phase === 'closing' || state.phase === 'closed') {
          throw ApplicationFailure.nonRetryable(`Sanction ${sanctionId} can no longer be appealed.`, SANCTION_NOT_ACTIVE);
        }
      },
    },
  );

  if (state.phase === 'in_force') {
    const stopped = () => state.lift !== null || state.overturn !== null;
    const interrupted = input.endsAt
      ? await condition(stopped, millisUntil(input.endsAt), { summary: 'Restriction ends' })
      : await condition(stopped).then(() => true);
    if (!interrupted) {
      await step('Record the end of the restriction').recordSanctionEnd(ref);
      state.ended = true;
    } else if (state.lift) {
      await step('Lift the sanction (CS)').recordSanctionLift({ ...ref, ...state.lift });
      state.recorded = true;
    }
    state.phase = 'appealable';
  }

  if (!state.overturn) await awaitAppealOutcome();
  state.phase = 'closing';
  if (state.overturn) {
    await step('Overturn on appeal; revoke automatic blocks (R7)').overturnSanction({ ...ref, ...state.overturn });
    await step('Restore content taken down with the sanction (R10)').restoreContentOnAppeal({ ...ref, appealId: state.overturn.appealId });
    state.recorded = true;
  }
  state.phase = 'closed';
  await condition(allHandlersFinished);
  return { sanctionId, ended: state.ended, lifted: state.lift !== null, overturned: state.overturn !== null };

  /** Until the appeal window closes, and past it while an appeal filed in time awaits its decision. */
  async function awaitAppealOutcome(): Promise<void> {
    const window = millisUntil(input.appealableUntil) + APPEAL_GRACE_MS;
    if (await condition(() => state.overturn !== null, window, { summary: 'Appeal window' })) return;
    for (;;) {
      const appeal = await step('Is an appeal still open?').appealStandingOf(ref);
      if (appeal.status === 'upheld') {
        // Decided, but the API never delivered it (it failed after recording): apply it here.
        state.overturn ??= { appealId: appeal.appealId, moderatorId: appeal.moderatorId };
        return;
      }
      if (appeal.status !== 'pending') return;
      appealSettled = false;
      await condition(() => state.overturn !== null || appealSettled, PENDING_APPEAL_RECHECK, { summary: 'Pending appeal' });
      if (state.overturn) return;
    }
  }
}

/** Workflow time (deterministic in the sandbox) until an ISO instant; at least 1 ms so a past end fires at once. */
function millisUntil(iso: string): number {
  return Math.max(1, Date.parse(iso) - Date.now());
}
