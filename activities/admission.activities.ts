import type { Admission } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createAdmissionActivities(deps: ActivityDeps) {
  return {
    /** R4: the friend check, recorded on the report once; a re-run returns the recorded answer. */
    async checkFriendship({ reportId }: ReportRef): Promise<Admission> {
      const report = await requireReport(deps, reportId);
      if (report.timeline.friend_check) return admissionOf(report.refusal);
      const admission =
        report.target.kind === 'chat_message'
          ? await deps.friendships.checkMessageFrom(report.reporterId, report.reportedUserId)
          : { admitted: true };
      if (admission.admitted) {
        await deps.reports.recordStep(reportId, 'friend_check', {}, 'passed');
        return admission;
      }
      const refusal = { code: admission.refusalCode!, message: admission.refusalMessage! };
      const recorded = await deps.reports.recordStep(reportId, 'friend_check', { status: 'refused', refusal }, 'refused');
      // A concurrent run may have recorded first; its answer is the one that stands.
      return recorded ? admission : admissionOf((await requireReport(deps, reportId)).refusal);
    },
  };
}

function admissionOf(refusal?: { code: string; message: string }): Admission {
  return refusal ? { admitted: false, refusalCode: refusal.code, refusalMessage: refusal.message } : { admitted: true };
}
