import { createCaseActivities } from './case.activities';
import { createChatActivities } from './chat.activities';
import { createDecisionActivities } from './decision.activities';
import type { ActivityDeps } from './deps';
import { createEvidenceActivities } from './evidence.activities';
import { withStepLogs } from './logged';
import { createReviewActivities } from './review.activities';
import { createSanctionActivities } from './sanction.activities';
import { createStandingActivities } from './standing.activities';
import { createTakedownActivities } from './takedown.activities';

export type { ActivityDeps } from './deps';

/** Every activity of the report and sanction workflows, bound to its dependencies. Each is safe to run twice. */
export function createActivities(deps: ActivityDeps) {
  return withStepLogs(deps.log, {
    ...createEvidenceActivities(deps),
    ...createChatActivities(deps),
    ...createReviewActivities(deps),
    ...createDecisionActivities(deps),
    ...createStandingActivities(deps),
    ...createCaseActivities(deps),
    ...createSanctionActivities(deps),
    ...createTakedownActivities(deps),
  });
}

export type ReportActivities = ReturnType<typeof createActivities>;
