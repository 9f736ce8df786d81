import { ActivityDeps, createActivities } from '../../activities';
import type { EvidenceReceipt } from '../../workflows/definitions';

/** What a no-op step must answer for the workflow to take the product's path: a receipt, and no earlier case decision. */
const ANSWERS: Record<string, unknown> = {
  storeEvidence: { evidenceSetId: 'ev-noop', scheme: 'noop', rootDigest: '0'.repeat(64), itemCount: 0 } satisfies EvidenceReceipt,
  openReview: null,
};

/**
 * Every activity the product's factory makes, by the same name, doing nothing: a new step in
 * the product appears in the yardstick too. The factory only closes over its dependencies, so
 * none is needed to read the names.
 */
export function noOpActivities(): Record<string, () => Promise<unknown>> {
  const names = Object.keys(createActivities({} as ActivityDeps));
  return Object.fromEntries(names.map((name) => [name, () => Promise.resolve(ANSWERS[name])]));
}
