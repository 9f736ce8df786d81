import { escalationOf } from '../src/customer-service/escalation';
import type { Report } from '../src/reports/schemas/report.schema';
import type { ActivityDeps } from './deps';

/**
 * The outcome notice, then, when the report was escalated (illegal content, or the moderator
 * asked), the notice that says how customer service follows up (R9). Folded into the step that
 * opens the ticket: no extra activity, so no extra history events.
 */
export async function tellReporter(deps: ActivityDeps, report: Report, ticketId: string, ending: 'decided' | 'expired'): Promise<void> {
  if (ending === 'decided') await deps.reportNotices.decided(report);
  else await deps.reportNotices.expired(report);
  const escalation = escalationOf(report);
  if (escalation) await deps.reportNotices.csFollowUp(report, ticketId, escalation);
}
