import { TARGET_KINDS, TargetKind, ReportTarget } from '../../workflows/definitions';

/** `case-<kind>-<targetId>`: every report on one message, post or comment belongs to one case. */
export function caseIdOf(target: ReportTarget): string {
  return `case-${target.kind}-${target.id}`;
}

// Target kinds hold no "-", so the first "-" after the kind ends it and the rest is the target id.
export const CASE_ID = new RegExp(`^case-(${TARGET_KINDS.join('|')})-([A-Za-z0-9_-]{1,64})$`);

/** The target a case id names, or null if it is not a case id. */
export function targetOfCase(caseId: string): ReportTarget | null {
  const match = CASE_ID.exec(caseId);
  return match ? { kind: match[1] as TargetKind, id: match[2] } : null;
}
