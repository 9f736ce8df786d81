// What the API, the worker and the sanction workflow share. Bundled into Temporal's sandbox:
// keep it free of Node APIs and of path aliases.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export function sanctionWorkflowId(sanctionId: string): string {
  return `sanction-${sanctionId}`;
}

export interface SanctionWorkflowInput {
  sanctionId: string;
  measure: 'warning' | 'restriction' | 'permanent';
  /** ISO time the restriction ends; absent for warnings and permanent restrictions. */
  endsAt?: string;
  /** ISO time after which no appeal can be filed. */
  appealableUntil: string;
}

export interface LiftRequest {
  staffId: string;
  note?: string;
}

export interface OverturnRequest {
  appealId: string;
  moderatorId: string;
}

export type SanctionPhase = 'in_force' | 'appealable' | 'closing' | 'closed';

export interface SanctionWorkflowState {
  phase: SanctionPhase;
  ended: boolean;
  lift: LiftRequest | null;
  overturn: OverturnRequest | null;
  /** Set once the lift or overturn has been recorded, so the waiting update can answer. */
  recorded: boolean;
}

export interface SanctionOutcome {
  sanctionId: string;
  ended: boolean;
  lifted: boolean;
  overturned: boolean;
}

/** How an appeal stands, as the workflow reads it from the database when the window closes. */
export type AppealStanding = { status: 'none' | 'pending' | 'denied' } | { status: 'upheld'; appealId: string; moderatorId: string };

/** Failure types the workflow raises to refuse a lift or overturn; the API maps them to 409 codes. */
export const SANCTION_NOT_ACTIVE = 'SANCTION_NOT_ACTIVE';
export const SANCTION_ALREADY_OVERTURNED = 'SANCTION_ALREADY_OVERTURNED';

/** CS ends a restriction early (support role); refused once it has ended or been lifted. */
export const liftUpdate = defineUpdate<SanctionWorkflowState, [LiftRequest]>('lift');
/** An upheld appeal: lifts the sanction if still in force, revokes the automatic blocks (R7) and restores taken-down content (R10). */
export const overturnUpdate = defineUpdate<SanctionWorkflowState, [OverturnRequest]>('overturn');
/** An appeal was denied: the workflow need not wait for it any longer. */
export const appealSettledSignal = defineSignal<[]>('appealSettled');
export const sanctionStateQuery = defineQuery<SanctionWorkflowState>('sanctionState');
