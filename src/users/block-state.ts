import type { AutoBlockOutcome, AutoBlockRevocation, BlockEvent } from './schemas/block.schema';

/** A block as its event log says it is now: on while the blocker's own block or an approved report holds it. */
export interface BlockState {
  active: boolean;
  /** The blocker blocked by hand since the last unblock (R5). */
  manual: boolean;
  /** Approved reports (R7) that rely on the block: applied it, or found it on; until their appeal is upheld or the blocker unblocks. */
  holders: Set<string>;
  /** Per report: how its approval found the block, and what an upheld appeal did. */
  outcomes: Map<string, AutoBlockOutcome>;
  revocations: Map<string, AutoBlockRevocation>;
  /** The last time the block was turned on. */
  since?: Date;
  eventCount: number;
}

/** The state after `events` (in seq order): one pure function, so every reader derives the same. */
export function blockStateOf(events: BlockEvent[]): BlockState {
  const state: BlockState = { active: false, manual: false, holders: new Set(), outcomes: new Map(), revocations: new Map(), eventCount: events.length };
  for (const event of events) {
    const wasActive = state.manual || state.holders.size > 0;
    if (event.type === 'blocked') state.manual = true;
    if (event.type === 'unblocked') {
      // R8: the blocker's unblock ends the block whoever relied on it.
      state.manual = false;
      state.holders.clear();
    }
    if (event.type === 'auto_blocked' || event.type === 'auto_block_already_in_place') {
      state.outcomes.set(event.reportId!, event.type === 'auto_blocked' ? 'applied' : 'already_in_place');
      state.holders.add(event.reportId!);
    }
    if (event.type === 'auto_block_revoked') {
      state.revocations.set(event.reportId!, event.revocation ?? 'revoked');
      state.holders.delete(event.reportId!);
    }
    state.active = state.manual || state.holders.size > 0;
    if (state.active && !wasActive) state.since = event.at;
  }
  return state;
}

/**
 * What an upheld appeal on `reportId` does to the block (R7): it lifts only a block that report
 * applied and that nothing else holds now, neither the blocker's own block nor another approval.
 */
export function revocationOf(state: BlockState, reportId: string): AutoBlockRevocation {
  if (state.outcomes.get(reportId) !== 'applied') return 'not_applied_by_report';
  if (!state.active) return 'already_unblocked';
  if (!state.holders.has(reportId) || state.manual) return 'kept_blocked_again_since';
  return state.holders.size > 1 ? 'kept_for_other_report' : 'revoked';
}
