import { ApplicationFailure } from '@temporalio/common';
import type { Decision } from '../workflows/definitions';
import { caseIdOf, targetOfCase } from '../src/cases/case-id';
import { ActivityDeps, ReportRef, requireReport } from './deps';

export interface CaseRef {
  caseId: string;
}

export function createCaseActivities(deps: ActivityDeps) {
  return {
    /** The reports a case decision goes to: those on the case's target not decided yet. */
    async openReportsOfCase({ caseId }: CaseRef): Promise<string[]> {
      const target = targetOfCase(caseId);
      if (!target) throw ApplicationFailure.nonRetryable(`${caseId} is not a case id`, 'CaseNotFound');
      return (await deps.reports.openOnTarget(target)).map((r) => r._id);
    },

    /**
     * The decision a new report takes from its case: the case's last decision while the case is
     * decided, none while it is open (never decided, or reopened). A strike (R3) needs a
     * moderator's judgement of this reporter, so a false-report mark is not passed on.
     */
    async caseDecisionFor({ reportId }: ReportRef): Promise<Decision | null> {
      const report = await requireReport(deps, reportId);
      const status = await deps.cases.statusOf(caseIdOf(report.target));
      const decision = status.lastDecision;
      if (status.state !== 'decided' || !decision) return null;
      const common = { moderatorId: decision.moderatorId, caseDecisionId: decision.decisionId, ...(decision.note ? { note: decision.note } : {}) };
      return decision.outcome === 'approved'
        ? { outcome: 'approved', ...common, ...(decision.policy ? { policy: decision.policy } : {}) }
        : { outcome: 'rejected', ...common };
    },
  };
}
