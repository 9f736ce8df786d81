import type { OverturnRequest } from '../workflows/sanction-definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import type { SanctionRef } from './sanction.activities';

export function createTakedownActivities(deps: ActivityDeps) {
  return {
    /**
     * R10: after the sanction step, an approved report's Open Chat post or comment is hidden from
     * everyone but its author; the content itself stays (R6). Once per report (the removal is
     * keyed by it), so a retry writes nothing.
     */
    async takeDownReportedContent({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      const outcome = await deps.takedowns.takeDown(report);
      await deps.reports.recordStep(report, 'content_removed', {}, outcome);
      return outcome;
    },

    /** R10: the upheld appeal against the sanction that went with a take-down restores the content, once per appeal. */
    async restoreContentOnAppeal({ sanctionId, appealId }: SanctionRef & Pick<OverturnRequest, 'appealId'>): Promise<string> {
      return deps.takedowns.restore(sanctionId, appealId);
    },
  };
}
