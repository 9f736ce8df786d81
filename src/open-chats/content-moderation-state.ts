import type { ContentModerationEvent } from './schemas/content-moderation-event.schema';

/** What the author reads about their removed content (R2: no reporter, no report id). */
export interface RemovalView {
  policy: string;
  at: Date;
  statementOfReasons: string;
}

/** One post or comment as its moderation log says it is now. */
export interface ContentModerationState {
  removed: RemovalView | null;
  /** Reports whose approval took the content down (or found it down): a retry writes nothing. */
  removedFor: Set<string>;
  /** Sanctions overturned on appeal: their content is not taken down again on their account. */
  restoredFor: Set<string>;
  /** Appeals recorded, and whether the content was removed when each was upheld. */
  restoredBy: Map<string, boolean>;
  eventCount: number;
}

/** The state after `events` (in seq order): one pure function, so every reader derives the same. */
export function contentModerationStateOf(events: ContentModerationEvent[]): ContentModerationState {
  const state: ContentModerationState = { removed: null, removedFor: new Set(), restoredFor: new Set(), restoredBy: new Map(), eventCount: events.length };
  for (const event of events) {
    if (event.type === 'removed') {
      state.removedFor.add(event.reportId!);
      state.removed = { policy: event.policy!, at: event.at, statementOfReasons: event.statementOfReasons! };
    } else {
      state.restoredFor.add(event.sanctionId);
      state.restoredBy.set(event.appealId!, event.wasRemoved === true);
      state.removed = null;
    }
  }
  return state;
}

export type RemovalOutcome = 'removed' | 'already_removed' | 'overturned_on_appeal';
export type RestoreOutcome = 'restored' | 'not_removed';
