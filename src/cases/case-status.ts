import type { CaseEvent } from './schemas/case-event.schema';

export interface CaseClaim {
  moderatorId: string;
  claimedAt: Date;
  expiresAt: Date;
}

export interface CaseDecisionState {
  decisionId: string;
  outcome: 'approved' | 'rejected';
  moderatorId: string;
  policy?: string;
  note?: string;
  falseReport?: boolean;
  decidedAt: Date;
}

/** What a case's events add up to at one moment (Ozone's subject status, apart from report status). */
export interface CaseStatus {
  /** `decided`: new reports on the target take the decision; `open`: they queue (also after a reopen). */
  state: 'open' | 'decided';
  claim: CaseClaim | null;
  /** The latest decision; kept after a reopen so the console can show what was decided before. */
  lastDecision: CaseDecisionState | null;
  reopenedAt: Date | null;
  /** The seq of the next event (one past the last). */
  eventCount: number;
}

export const EMPTY_CASE: CaseStatus = { state: 'open', claim: null, lastDecision: null, reopenedAt: null, eventCount: 0 };

/** Folds one event in. Events were checked before they were appended, so this only applies them. */
export function applyCaseEvent(status: CaseStatus, event: CaseEvent): CaseStatus {
  const next = { ...status, eventCount: event.seq + 1 };
  switch (event.type) {
    case 'claim':
      return { ...next, claim: { moderatorId: event.moderatorId, claimedAt: event.at, expiresAt: event.expiresAt ?? event.at } };
    case 'unclaim':
      return status.claim?.moderatorId === event.moderatorId ? { ...next, claim: null } : next;
    case 'decision':
      return {
        ...next,
        state: 'decided',
        claim: null,
        lastDecision: {
          decisionId: event._id,
          outcome: event.decision!.outcome,
          moderatorId: event.moderatorId,
          ...(event.decision!.policy ? { policy: event.decision!.policy } : {}),
          ...(event.decision!.note ? { note: event.decision!.note } : {}),
          ...(event.decision!.falseReport ? { falseReport: true } : {}),
          decidedAt: event.at,
        },
      };
    case 'reopen':
      return { ...next, state: 'open', reopenedAt: event.at };
    case 'withdrawal':
      return next;
  }
}

/**
 * The status at `now`, from the events in seq order: a withdrawn decision counts as never
 * taken, and a claim past its expiry no longer counts.
 */
export function caseStatusOf(events: readonly CaseEvent[], now: Date): CaseStatus {
  const withdrawn = new Set(events.flatMap((event) => (event.type === 'withdrawal' && event.withdraws ? [event.withdraws] : [])));
  const status = events.reduce(
    (folded, event) => (withdrawn.has(event._id) ? { ...folded, eventCount: event.seq + 1 } : applyCaseEvent(folded, event)),
    EMPTY_CASE,
  );
  return status.claim && status.claim.expiresAt.getTime() <= now.getTime() ? { ...status, claim: null } : status;
}

/** A claim by someone else that has not expired hides the case from other moderators. */
export function isClaimedByOther(status: CaseStatus, moderatorId: string | undefined): boolean {
  return status.claim !== null && status.claim.moderatorId !== moderatorId;
}
