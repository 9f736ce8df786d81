import type { FilingAdmission } from '../../workflows/definitions';
import type { Report, TimelineEntry } from './schemas/report.schema';

/**
 * R4 is judged once, when the report is filed, before anything is stored: a refusal answers 409
 * with nothing behind it, and an admitted report carries the judgement into its workflow's input
 * (so support staff see it in the Temporal UI).
 *
 * The judgement is a point-in-time read of the friendship and the blocks. A friendship created
 * between that read and the start of the workflow does not undo it: the report was filed while
 * the two were not friends, so a 202 never turns into a refusal later.
 */
export function friendCheckStep(admission: FilingAdmission): Record<string, TimelineEntry> {
  return { friend_check: { at: new Date(admission.checkedAt), detail: 'passed at filing' } };
}

/** The admission of a stored report, for starting (or restarting) its workflow. */
export function admissionOf(report: Report): FilingAdmission {
  // Every stored report passed the check: a refused one is never stored.
  const checkedAt = report.timeline?.friend_check?.at ?? report.createdAt;
  return { admitted: true, reporterId: report.reporterId, authorId: report.reportedUserId, checkedAt: new Date(checkedAt).toISOString() };
}
