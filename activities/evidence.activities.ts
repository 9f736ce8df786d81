import type { EvidenceReceipt } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import { OpensReview, ReviewOpened, openingReview, reviewOpening } from './review.activities';

export function createEvidenceActivities(deps: ActivityDeps) {
  return {
    /** R6: snapshot the reported content; returns ids and digests only, never content. */
    async storeEvidence({ reportId, openReview, withCaseDecision }: ReportRef & OpensReview): Promise<EvidenceReceipt & Partial<ReviewOpened>> {
      const report = await requireReport(deps, reportId);
      const receipt = await deps.evidence.capture({
        reportId,
        target: report.target,
        chatId: report.chatId,
        cutoff: report.createdAt,
        maxMessages: deps.settings.evidenceMaxMessages,
      });
      const summary = `${receipt.itemCount} items`;
      if (!openReview) {
        await deps.reports.recordStep(report, 'evidence_stored', { evidence: receipt }, summary);
        return receipt;
      }
      // One write for both steps: the evidence is kept and the report waits for a moderator.
      const opened = await openingReview(deps, report, () =>
        deps.reports.recordStep(report, 'evidence_stored', { evidence: receipt, ...reviewOpening() }, summary, ['review_opened']),
      );
      return withCaseDecision ? { ...receipt, ...opened } : receipt;
    },
  };
}
