import { Injectable } from '@nestjs/common';
import { NoticesService } from '../notices/notices.service';
import type { Escalation } from './escalation';
import { POLICY_CATEGORIES, PolicyCategory } from './report-reasons';
import type { Report } from './schemas/report.schema';

const TARGET_NAMES: Record<string, string> = {
  chat_message: '1:1 chat message',
  open_chat_post: 'Open Chat post',
  open_chat_comment: 'Open Chat comment',
};

/**
 * What the reporter is told about their report (DSA Art. 16(4), 16(5); R9). The texts name the
 * reported content by its reference only: never the reported person (R2 works both ways here,
 * their identity is not the reporter's business).
 */
@Injectable()
export class ReportNotices {
  constructor(private readonly notices: NoticesService) {}

  /** The report was admitted and waits for a moderator. */
  received(report: Report): Promise<string> {
    return this.toReporter(
      report,
      'report_received',
      report._id,
      `We received your report about the ${about(report)} (${report.reasons.join(', ')}). A moderator will review it and we will tell you the outcome.`,
      { reasons: report.reasons },
    );
  }

  /** How the moderator decided and what follows from it. */
  async decided(report: Report): Promise<string | undefined> {
    const decision = report.decision;
    // Only after recordDecision; a ticket without a decision tells the reporter nothing new.
    if (!decision) return undefined;
    const text =
      decision.outcome === 'approved'
        ? `A moderator reviewed your report about the ${about(report)} and found that it breaks the operation policy (${policyName(decision.policy)}). ` +
          'The account behind it is now blocked for you; you may unblock them later, which does not reopen the report.'
        : `A moderator reviewed your report about the ${about(report)} and found no breach of the operation policy, so no action was taken. ` +
          `If you have more information, contact customer service and quote report ${report._id}.`;
    return this.toReporter(report, 'report_outcome', report._id, text, {
      outcome: decision.outcome,
      ...(decision.policy ? { policy: decision.policy } : {}),
      decidedAt: decision.decidedAt,
    });
  }

  expired(report: Report): Promise<string> {
    return this.toReporter(
      report,
      'report_outcome',
      report._id,
      `Your report about the ${about(report)} was not reviewed in time and was closed without a decision. Customer service has it on file and may still act on it.`,
      { outcome: 'expired' },
    );
  }

  /** R9: the report went to customer service with high priority; the reporter learns what CS does and how to follow up. */
  csFollowUp(report: Report, ticketId: string, escalation: Escalation): Promise<string> {
    const because =
      escalation === 'illegal_content'
        ? 'Because your report concerns possibly illegal content'
        : 'Because the moderator referred your report to customer service';
    return this.toReporter(
      report,
      'cs_follow_up',
      report._id,
      `${because}, customer service reviews it with high priority against the operation policy and may restrict the account concerned. ` +
        `Your ticket is ${ticketId}: quote it when you contact customer service to add information. ` +
        'The reported conversation is stored as evidence, so an investigation agency can ask us for it; if someone is in danger, contact the police directly.',
      { ticketId, priority: 'high', escalation },
    );
  }

  private toReporter(
    report: Report,
    kind: 'report_received' | 'report_outcome' | 'cs_follow_up',
    reportId: string,
    text: string,
    details: Record<string, unknown>,
  ) {
    return this.notices.record({
      kind,
      userId: report.reporterId,
      audience: 'reporter',
      reportId,
      text,
      details: { target: { kind: report.target.kind, id: report.target.id }, ...details },
      neverMention: [report.reportedUserId],
    });
  }
}

function about(report: Report): string {
  return `${TARGET_NAMES[report.target.kind] ?? report.target.kind} ${report.target.id}`;
}

function policyName(policy?: string): string {
  return (policy && POLICY_CATEGORIES[policy as PolicyCategory]) || policy || 'operation policy';
}
