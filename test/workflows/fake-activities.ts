import type { ReportActivities } from '../../activities';
import type { Decision } from '../../workflows/definitions';
import type { AppealStanding } from '../../workflows/sanction-definitions';

/**
 * Stand-ins for the activities, for testing workflow branches alone (their real versions are
 * covered by the activity and end-to-end tests). Every call is recorded by name.
 */
export function fakeActivities(options: { caseDecision?: Decision; openReports?: string[]; appeal?: () => AppealStanding } = {}) {
  const calls: string[] = [];
  const record =
    <T>(name: string, result: T) =>
    async () => {
      calls.push(name);
      return result;
    };
  const activities: ReportActivities = {
    storeEvidence: record('storeEvidence', { evidenceSetId: 'set-1', scheme: 'sha256-jcs-chain-v1', rootDigest: 'ab'.repeat(32), itemCount: 2 }),
    deleteChatRoom: record('deleteChatRoom', undefined),
    openReview: record('openReview', options.caseDecision ?? null),
    escalateOverdueReview: record('escalateOverdueReview', 'review_overdue-x'),
    expireReport: record('expireReport', 'report_expired-x'),
    recordDecision: async ({ decision }) => {
      calls.push(`recordDecision:${decision.outcome}`);
      return decision.outcome;
    },
    blockReportedUser: record('blockReportedUser', 'applied'),
    sanctionReportedAccount: record('sanctionReportedAccount', 'restriction 7d (snc_x)'),
    takeDownReportedContent: record('takeDownReportedContent', 'removed'),
    recordFalseReport: record('recordFalseReport', 'strike 1; warned'),
    notifyCustomerService: record('notifyCustomerService', 'report_decided-x'),
    openReportsOfCase: record('openReportsOfCase', options.openReports ?? []),
    recordSanctionEnd: record('recordSanctionEnd', undefined),
    recordSanctionLift: record('recordSanctionLift', undefined),
    overturnSanction: record('overturnSanction', {}),
    restoreContentOnAppeal: record('restoreContentOnAppeal', 'restored'),
    appealStandingOf: async () => {
      calls.push('appealStandingOf');
      return options.appeal?.() ?? { status: 'none' };
    },
  };
  return { activities, calls };
}
