import type { EvidenceReceipt } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createEvidenceActivities(deps: ActivityDeps) {
  return {
    /**
     * R6: snapshot the reported content (for a 1:1 message, the conversation up to the report).
     * Answers ids and digests only, never content: the answer lands in the workflow history,
     * whose root is what evidence verification trusts.
     */
    async storeEvidence({ reportId }: ReportRef): Promise<EvidenceReceipt> {
      const report = await requireReport(deps, reportId);
      const receipt = await deps.evidence.capture({
        reportId,
        target: report.target,
        chatId: report.chatId,
        cutoff: report.createdAt,
        maxMessages: deps.settings.evidenceMaxMessages,
      });
      await deps.reports.recordStep(report, 'evidence_stored', { evidence: receipt }, `${receipt.itemCount} items`);
      return receipt;
    },
  };
}
