import type { Report } from '../src/reports/schemas/report.schema';
import type { Decision } from '../workflows/definitions';
import { decisionFromCase } from './case.activities';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import { openTicketAndTellReporter } from './ticket-and-notices';

/** What opening the moderator review writes: the report enters the queue. */
export function reviewOpening(): Partial<Report> {
  return { status: 'awaiting_review', reviewOpenedAt: new Date() };
}

/**
 * Reports filed since patch `review-opened-with-step` open their review in the last step
 * before it (an activity fewer); `openReview` stays for reports started before. Since patch
 * `case-decision-with-review` that step also answers with the case's standing decision
 * (`withCaseDecision`), instead of a `caseDecisionFor` step of its own.
 */
export interface OpensReview {
  openReview?: boolean;
  withCaseDecision?: boolean;
}

/** What the step that opened the review learnt of the report's case. */
export interface ReviewOpened {
  caseDecision: Decision | null;
}

/**
 * Opening the review: the report joins its target's case (created by the first report to get
 * here), `record` writes the step that puts it in the queue, then the reporter gets the receipt
 * (DSA Art. 16(4)). The same order wherever the review opens; each part is safe to repeat.
 * Answers with the case's standing decision, read once the report is in the queue: a decision
 * made after that read reaches the report through the case's fan-out instead.
 */
export async function openingReview(deps: ActivityDeps, report: Report, record: () => Promise<unknown>): Promise<ReviewOpened> {
  await deps.cases.ensureCase(report.target, report.reportedUserId);
  await record();
  // The receipt and the case read need only what filing fixed (reporter, target, reasons,
  // creation time): the report the step read before writing will do, no second read. Neither
  // needs the other, so they run side by side.
  const [, caseDecision] = await Promise.all([deps.reportNotices.received(report), decisionFromCase(deps, report)]);
  return { caseDecision };
}

export function createReviewActivities(deps: ActivityDeps) {
  return {
    /** The report joins its case and the queue (reports started before `review-opened-with-step`). */
    async openReview({ reportId }: ReportRef): Promise<void> {
      const report = await requireReport(deps, reportId);
      await openingReview(deps, report, () => deps.reports.recordStep(report, 'review_opened', reviewOpening()));
    },

    /** The review deadline passed: CS hears of it; the report keeps waiting for a moderator. */
    async escalateOverdueReview({ reportId }: ReportRef): Promise<string> {
      if (await deps.reports.recordStep(reportId, 'review_overdue', { reviewOverdueAt: new Date() })) deps.metrics.reviewOverdue();
      return deps.tickets.open('review_overdue', await requireReport(deps, reportId));
    },

    async expireReport({ reportId }: ReportRef): Promise<string> {
      await deps.reports.recordStep(reportId, 'expired', { status: 'expired' });
      return openTicketAndTellReporter(deps, await requireReport(deps, reportId), 'expired');
    },
  };
}
