import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createStandingActivities(deps: ActivityDeps) {
  return {
    /** R3: a rejection marked as false counts against the reporter (warning, then restriction). */
    async recordFalseReport({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      if (!report.decision?.falseReport) return 'not a false report';
      const outcome = await deps.standing.recordFalseReport(reportId, report.reporterId, report.decision.decidedAt);
      const detail = outcome.restrictedUntil
        ? `strike ${outcome.strikesInWindow}; reporting restricted until ${outcome.restrictedUntil.toISOString()}`
        : `strike ${outcome.strikesInWindow}; warned`;
      await deps.reports.recordStep(reportId, 'false_report_strike', {}, detail);
      return detail;
    },
  };
}
