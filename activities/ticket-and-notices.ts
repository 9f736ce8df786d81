import { escalationOf } from '../src/reports/escalation';
import type { Report } from '../src/reports/schemas/report.schema';
import type { ActivityDeps } from './deps';

/**
 * The report's follow-up ticket for customer service, and what the reporter is told: the
 * outcome notice, then, when the report was escalated (illegal content, or the moderator
 * asked), the notice that says how customer service follows up and names the ticket (R9).
 * The ticket and the outcome notice need nothing from each other, so they are written side by
 * side (each is written once, however often the step runs). Returns the ticket's id.
 */
export async function openTicketAndTellReporter(deps: ActivityDeps, report: Report, ending: 'decided' | 'expired'): Promise<string> {
  const [ticketId] = await Promise.all([
    deps.tickets.open(ending === 'decided' ? 'report_decided' : 'report_expired', report),
    ending === 'decided' ? deps.reportNotices.decided(report) : deps.reportNotices.expired(report),
  ]);
  const escalation = escalationOf(report);
  if (escalation) await deps.reportNotices.csFollowUp(report, ticketId, escalation);
  return ticketId;
}
