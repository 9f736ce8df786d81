import type { EvidenceReceipt } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createEvidenceActivities(deps: ActivityDeps) {
  return {
    /** R6: snapshot the reported content; returns ids and digests only, never content. */
    async storeEvidence({ reportId }: ReportRef): Promise<EvidenceReceipt> {
      const report = await requireReport(deps, reportId);
      const receipt = await deps.evidence.capture({
        reportId,
        target: report.target,
        chatId: report.chatId,
        cutoff: report.createdAt,
        maxMessages: deps.settings.evidenceMaxMessages,
      });
      await deps.reports.recordStep(reportId, 'evidence_stored', { evidence: receipt }, `${receipt.itemCount} items`);
      return receipt;
    },
  };
}
