import type { Decision, ReportStatus } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import { openTicketAndTellReporter } from './ticket-and-notices';

export function createDecisionActivities(deps: ActivityDeps) {
  return {
    /** R10: records the decision with the policy applied (the first reason's category unless the moderator named one). */
    async recordDecision({ reportId, decision }: ReportRef & { decision: Decision }): Promise<ReportStatus> {
      const report = await requireReport(deps, reportId);
      const policy = decision.outcome === 'approved' ? (decision.policy ?? report.policyCategories[0]) : undefined;
      // R3: a case decision that reaches a report filed after it (a late fan-out) judged no such
      // report: it takes the outcome, never a false-report strike against its reporter.
      const filedAfterCaseDecision = decision.caseDecidedAt !== undefined && new Date(report.createdAt).getTime() > new Date(decision.caseDecidedAt).getTime();
      const record = {
        outcome: decision.outcome,
        moderatorId: decision.moderatorId,
        note: decision.note,
        ...(policy ? { policy } : {}),
        ...(decision.outcome === 'rejected' ? { falseReport: decision.falseReport === true && !filedAfterCaseDecision } : {}),
        ...(decision.escalate === true ? { escalate: true } : {}),
        ...(decision.caseDecisionId ? { caseDecisionId: decision.caseDecisionId } : {}),
        decidedAt: new Date(),
      };
      const recorded = await deps.reports.recordStep(report, 'decided', { status: decision.outcome, decision: record }, decision.outcome);
      if (recorded) {
        deps.metrics.decisionRecorded(decision.outcome, report.createdAt, record.falseReport === true);
      }
      return decision.outcome;
    },

    /** R7: on approval the reporter blocks the reported person, once per report. */
    async blockReportedUser({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      const outcome = await deps.blocks.applyReportBlock(reportId, report.reporterId, report.reportedUserId);
      await deps.reports.recordStep(report, 'auto_block', { autoBlock: outcome }, outcome);
      return outcome;
    },

    /** R9: the follow-up ticket for customer service; the reporter learns the outcome (DSA Art. 16(5)). */
    async notifyCustomerService({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      // Before the step is recorded: whoever sees `cs_notified` finds the ticket and notices stored.
      const ticketId = await openTicketAndTellReporter(deps, report, 'decided');
      await deps.reports.recordStep(report, 'cs_notified', {}, ticketId);
      return ticketId;
    },
  };
}
