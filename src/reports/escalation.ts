import { URGENT_REASONS } from './report-reasons';
import type { Report } from './schemas/report.schema';

/** Why a report goes to customer service with high priority and the reporter is told how CS follows up (R9). */
export type Escalation = 'illegal_content' | 'moderator';

export function escalationOf(report: Pick<Report, 'reasons' | 'decision'>): Escalation | undefined {
  if (report.reasons.includes('illegal_content')) return 'illegal_content';
  if (report.decision?.escalate) return 'moderator';
  return undefined;
}

/** Escalated reports, and reasons CS should look at first (threats), come first. */
export function ticketPriorityOf(report: Pick<Report, 'reasons' | 'decision'>): 'high' | 'normal' {
  return escalationOf(report) || report.reasons.some((r) => URGENT_REASONS.has(r)) ? 'high' : 'normal';
}
