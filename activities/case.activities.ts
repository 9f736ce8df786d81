import { ApplicationFailure } from '@temporalio/common';
import type { Decision } from '../workflows/definitions';
import { caseIdOf, targetOfCase } from '../src/cases/case-id';
import type { Report } from '../src/reports/schemas/report.schema';
import type { ActivityDeps } from './deps';

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
  };
}

/**
 * The decision a report takes from its case while the case is decided (none while it is
 * open: never decided, or reopened). A report filed before the decision was among those
 * the moderator decided (the fan-out may simply reach it later): it takes the decision
 * whole. A report filed after it takes outcome, policy and note, but not a false-report
 * mark: a strike (R3) needs a moderator's judgement of that reporter.
 */
export async function decisionFromCase(deps: ActivityDeps, report: Report): Promise<Decision | null> {
  const status = await deps.cases.statusOf(caseIdOf(report.target));
  const decision = status.lastDecision;
  if (status.state !== 'decided' || !decision) return null;
  const common = { moderatorId: decision.moderatorId, caseDecisionId: decision.decisionId, ...(decision.note ? { note: decision.note } : {}) };
  if (decision.outcome === 'approved') return { outcome: 'approved', ...common, ...(decision.policy ? { policy: decision.policy } : {}) };
  const filedBefore = new Date(report.createdAt).getTime() <= new Date(decision.decidedAt).getTime();
  return { outcome: 'rejected', ...common, ...(filedBefore && decision.falseReport ? { falseReport: true } : {}) };
}
