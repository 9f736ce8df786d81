import { ActivityDeps, ReportRef, requireReport } from './deps';
import { tellReporter } from './tell-reporter';

export function createReviewActivities(deps: ActivityDeps) {
  return {
    /**
     * The report joins its target's case (created by the first report to get here) and the
     * queue; the reporter gets the receipt (DSA Art. 16(4)).
     */
    async openReview({ reportId }: ReportRef): Promise<void> {
      const report = await requireReport(deps, reportId);
      await deps.cases.ensureCase(report.target, report.reportedUserId);
      await deps.reports.recordStep(reportId, 'review_opened', { status: 'awaiting_review', reviewOpenedAt: new Date() });
      await deps.reportNotices.received(await requireReport(deps, reportId));
    },

    /** The review deadline passed: CS hears of it; the report keeps waiting for a moderator. */
    async escalateOverdueReview({ reportId }: ReportRef): Promise<string> {
      if (await deps.reports.recordStep(reportId, 'review_overdue', { reviewOverdueAt: new Date() })) deps.metrics.reviewOverdue();
      return deps.tickets.open('review_overdue', await requireReport(deps, reportId));
    },

    async expireReport({ reportId }: ReportRef): Promise<string> {
      await deps.reports.recordStep(reportId, 'expired', { status: 'expired' });
      const report = await requireReport(deps, reportId);
      const ticketId = await deps.tickets.open('report_expired', report);
      await tellReporter(deps, report, ticketId, 'expired');
      return ticketId;
    },
  };
}
