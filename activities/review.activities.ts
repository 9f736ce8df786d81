import type { Decision } from '../workflows/definitions';
import { decisionFromCase } from './case.activities';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import { openTicketAndTellReporter } from './ticket-and-notices';

export function createReviewActivities(deps: ActivityDeps) {
  return {
    /**
     * The report joins its target's case (created by the first report to get here) and the
     * moderators' queue, and the reporter gets the receipt (DSA Art. 16(4)). Answers the case's
     * standing decision, if any. The case is read after the report is in the queue, in the same
     * step: a decision made after that read reaches the report through the case's fan-out, one
     * made before it is answered here, so none falls between the two.
     */
    async openReview({ reportId }: ReportRef): Promise<Decision | null> {
      const report = await requireReport(deps, reportId);
      await deps.cases.ensureCase(report.target, report.reportedUserId);
      await deps.reports.recordStep(report, 'review_opened', { status: 'awaiting_review', reviewOpenedAt: new Date() });
      await deps.reportNotices.received(report);
      return decisionFromCase(deps, report);
    },

    /** The review deadline passed: CS hears of it (R9); the report keeps waiting for a moderator. */
    async escalateOverdueReview({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      if (await deps.reports.recordStep(report, 'review_overdue', { reviewOverdueAt: new Date() })) deps.metrics.reviewOverdue();
      return deps.tickets.open('review_overdue', report);
    },

    /** Nobody reviewed the report within the maximum wait: it ends, CS gets a ticket, the reporter is told. */
    async expireReport({ reportId }: ReportRef): Promise<string> {
      await deps.reports.recordStep(reportId, 'expired', { status: 'expired' });
      return openTicketAndTellReporter(deps, await requireReport(deps, reportId), 'expired');
    },
  };
}
