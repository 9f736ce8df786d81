import type { ReportActivities } from '../../activities';
import type { Admission, Decision } from '../../workflows/definitions';
import type { AppealStanding } from '../../workflows/sanction-definitions';

/**
 * Stand-ins for the activities, for testing workflow branches alone (their real versions are
 * covered by the activity and end-to-end tests). Every call is recorded by name.
 */
export function fakeActivities(
  options: { admission?: Admission; caseDecision?: Decision; openReports?: string[]; appeal?: () => AppealStanding } = {},
) {
  const calls: string[] = [];
  const record = <T>(name: string, result: T) => async () => {
    calls.push(name);
    return result;
  };
  const activities: ReportActivities = {
    checkFriendship: record('checkFriendship', options.admission ?? { admitted: true }),
    // `+openReview`: the step also opens the moderator review (patch review-opened-with-step);
    // asked `withCaseDecision`, it answers with the case's decision (patch case-decision-with-review);
    // `+deleteChatRoom`: it deletes the room too (patch evidence-and-room-in-one-step).
    storeEvidence: async ({ openReview, withCaseDecision, deleteRoom }) => {
      calls.push(['storeEvidence', ...(deleteRoom ? ['deleteChatRoom'] : []), ...(openReview ? ['openReview'] : [])].join('+'));
      const receipt = { evidenceSetId: 'set-1', rootDigest: 'ab'.repeat(32), itemCount: 2 };
      return withCaseDecision ? { ...receipt, caseDecision: options.caseDecision ?? null } : receipt;
    },
    deleteChatRoom: async ({ openReview, withCaseDecision }) => {
      calls.push(openReview ? 'deleteChatRoom+openReview' : 'deleteChatRoom');
      if (withCaseDecision) return { caseDecision: options.caseDecision ?? null };
    },
    openReview: record('openReview', undefined),
    escalateOverdueReview: record('escalateOverdueReview', 'review_overdue-x'),
    expireReport: record('expireReport', 'report_expired-x'),
    recordDecision: async ({ decision }) => {
      calls.push(`recordDecision:${decision.outcome}`);
      return decision.outcome;
    },
    applyAutoBlock: record('applyAutoBlock', 'applied'),
    // Block, sanction and CS notice in one step (patch approval-in-one-step).
    applyApproval: record('applyApproval', { autoBlock: 'applied', sanction: 'restriction 7d (snc_x)', ticketId: 'report_decided-x' }),
    notifyCustomerService: record('notifyCustomerService', 'report_decided-x'),
    recordFalseReport: record('recordFalseReport', 'strike 1; warned'),
    caseDecisionFor: record('caseDecisionFor', options.caseDecision ?? null),
    openReportsOfCase: record('openReportsOfCase', options.openReports ?? []),
    sanctionReportedUser: record('sanctionReportedUser', 'restriction 7d (snc_x)'),
    recordSanctionEnd: record('recordSanctionEnd', undefined),
    recordSanctionLift: record('recordSanctionLift', undefined),
    overturnSanction: record('overturnSanction', {}),
    appealStandingOf: async () => {
      calls.push('appealStandingOf');
      return options.appeal?.() ?? { status: 'none' };
    },
  };
  return { activities, calls };
}
