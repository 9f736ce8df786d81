import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createReviewActivities(deps: ActivityDeps) {
  return {
    /** The report joins its target's case (created by the first report to get here) and the queue. */
    async openReview({ reportId }: ReportRef): Promise<void> {
      const report = await requireReport(deps, reportId);
      await deps.cases.ensureCase(report.target, report.reportedUserId);
      await deps.reports.recordStep(reportId, 'review_opened', { status: 'awaiting_review', reviewOpenedAt: new Date() });
    },

    /** The review deadline passed: CS hears of it; the report keeps waiting for a moderator. */
    async escalateOverdueReview({ reportId }: ReportRef): Promise<string> {
      if (await deps.reports.recordStep(reportId, 'review_overdue', { reviewOverdueAt: new Date() })) deps.metrics.reviewOverdue();
      return deps.tickets.open('review_overdue', await requireReport(deps, reportId));
    },

    async expireReport({ reportId }: ReportRef): Promise<string> {
      await deps.reports.recordStep(reportId, 'expired', { status: 'expired' });
      return deps.tickets.open('report_expired', await requireReport(deps, reportId));
    },
  };
}
