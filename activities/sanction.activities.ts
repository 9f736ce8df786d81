import { ApplicationFailure } from '@temporalio/common';
import type { AppealStanding, LiftRequest, OverturnRequest } from '../workflows/sanction-definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';

export interface SanctionRef {
  sanctionId: string;
}

export function createSanctionActivities(deps: ActivityDeps) {
  async function requireSanction(sanctionId: string) {
    const sanction = await deps.sanctions.find(sanctionId);
    if (!sanction) throw ApplicationFailure.nonRetryable(`sanction ${sanctionId} does not exist`, 'SanctionNotFound');
    return sanction;
  }

  return {
    /**
     * R9: the ladder's measure on the approved report's account, then that sanction's own
     * workflow. Both are idempotent (derived sanction id, workflow id from it), so a retry, or
     * the approval of another report on the same content, lands on the same sanction.
     */
    async sanctionReportedAccount({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      if (report.decision?.outcome !== 'approved') return 'not approved';
      const sanction = await deps.sanctions.issueForReport(report);
      await deps.sanctionWorkflows.start(sanction);
      const detail = `${sanction.measure}${sanction.days ? ` ${sanction.days}d` : ''} (${sanction._id})`;
      await deps.reports.recordStep(report, 'sanctioned', {}, detail);
      return detail;
    },

    /** The restriction's durable timer ran out. */
    async recordSanctionEnd({ sanctionId }: SanctionRef): Promise<void> {
      await requireSanction(sanctionId);
      await deps.sanctions.recordEnd(sanctionId);
    },

    async recordSanctionLift({ sanctionId, staffId, note }: SanctionRef & LiftRequest): Promise<void> {
      await requireSanction(sanctionId);
      await deps.sanctions.recordLift(sanctionId, staffId, note);
    },

    /** An upheld appeal: overturned, and the automatic blocks (R7) behind it revoked; returns each block's outcome by report. */
    async overturnSanction({ sanctionId, appealId, moderatorId }: SanctionRef & OverturnRequest): Promise<Record<string, string>> {
      await requireSanction(sanctionId);
      return deps.sanctions.recordOverturn(sanctionId, appealId, moderatorId);
    },

    async appealStandingOf({ sanctionId }: SanctionRef): Promise<AppealStanding> {
      return deps.sanctions.appealStanding(sanctionId);
    },
  };
}
