import type { Decision, ReportStatus } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import { issueSanction } from './sanction.activities';
import { openTicketAndTellReporter } from './ticket-and-notices';

/** What `applyApproval` did, as the Web UI shows its result. */
export interface ApprovalApplied {
  autoBlock: string;
  sanction: string;
  ticketId: string;
}

export function createDecisionActivities(deps: ActivityDeps) {
  return {
    /** R10: records the decision with the policy applied (the first reason's category unless the moderator named one). */
    async recordDecision({ reportId, decision }: ReportRef & { decision: Decision }): Promise<ReportStatus> {
      const report = await requireReport(deps, reportId);
      const policy = decision.outcome === 'approved' ? (decision.policy ?? report.policyCategories[0]) : undefined;
      const record = {
        outcome: decision.outcome,
        moderatorId: decision.moderatorId,
        note: decision.note,
        ...(policy ? { policy } : {}),
        ...(decision.outcome === 'rejected' ? { falseReport: decision.falseReport === true } : {}),
        ...(decision.escalate === true ? { escalate: true } : {}),
        ...(decision.caseDecisionId ? { caseDecisionId: decision.caseDecisionId } : {}),
        decidedAt: new Date(),
      };
      const recorded = await deps.reports.recordStep(report, 'decided', { status: decision.outcome, decision: record }, decision.outcome);
      if (recorded) deps.metrics.decisionRecorded(decision.outcome, report.createdAt);
      return decision.outcome;
    },

    /** R7: the reporter blocks the reported person, once per report. */
    async applyAutoBlock({ reportId }: ReportRef): Promise<string> {
      const report = await requireReport(deps, reportId);
      const outcome = await deps.blocks.applyReportBlock(reportId, report.reporterId, report.reportedUserId);
      await deps.reports.recordStep(report, 'auto_block', { autoBlock: outcome }, outcome);
      return outcome;
    },

    /**
     * An approval's follow-ups in one step (reports since patch `approval-in-one-step`): the
     * block (R7), the sanction (R9), then the customer-service ticket and the reporter's notices
     * (R9), each as its own step does it (`applyAutoBlock`, `sanctionReportedUser`,
     * `notifyCustomerService`), and one report write for the three timeline entries, each with
     * the time it was done. The write comes last, so whoever sees
     * `cs_notified` finds the ticket and notices stored; a retry redoes the idempotent parts.
     */
    async applyApproval({ reportId }: ReportRef): Promise<ApprovalApplied> {
      const report = await requireReport(deps, reportId);
      const autoBlock = await deps.blocks.applyReportBlock(reportId, report.reporterId, report.reportedUserId);
      const blockedAt = new Date();
      const sanction = await issueSanction(deps, report);
      const sanctionedAt = new Date();
      const ticketId = await openTicketAndTellReporter(deps, report, 'decided');
      await deps.reports.recordStep(report, 'cs_notified', { autoBlock }, ticketId, [
        { step: 'auto_block', detail: autoBlock, at: blockedAt },
        { step: 'sanctioned', detail: sanction, at: sanctionedAt },
      ]);
      return { autoBlock, sanction, ticketId };
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
