import type { FilingAdmission } from '../../workflows/definitions';
import type { Report, TimelineEntry } from './schemas/report.schema';

/**
 * R4 is judged when the report is filed, before anything is stored: a refusal answers 409 with
 * nothing behind it, and an admitted report carries the judgement into its workflow's input.
 *
 * The judgement is a point-in-time read of the friendship and the blocks. A friendship created
 * between that read and the start of the workflow does not undo it: the report was filed while
 * the two were not friends, and the workflow records the admission (with `checkedAt`) instead
 * of judging again, so a 202 never turns into a refusal later. The workflow's own friend check
 * (before this) read the friendship a moment later, with the same kind of window after it.
 */
export function friendCheckStep(admission: FilingAdmission): Record<string, TimelineEntry> {
  return { friend_check: { at: new Date(admission.checkedAt), detail: 'passed at filing' } };
}

/** The admission of a stored report, for starting (or restarting) its workflow. */
export function admissionOf(report: Report): FilingAdmission | undefined {
  const check = report.timeline?.friend_check;
  // Stored by an API before this change: its workflow runs the friend check itself.
  if (!check || report.status === 'refused') return undefined;
  return { admitted: true, reporterId: report.reporterId, authorId: report.reportedUserId, checkedAt: new Date(check.at).toISOString() };
}
