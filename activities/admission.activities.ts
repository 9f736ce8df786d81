import type { Admission } from '../workflows/definitions';
import type { Report } from '../src/reports/schemas/report.schema';
import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createAdmissionActivities(deps: ActivityDeps) {
  /** The friend check itself, recorded on the report once; a concurrent run's record stands. */
  async function firstCheck(report: Report): Promise<Admission> {
    const reportId = report._id;
    const admission = await deps.friendships.admissionFor(report.target.kind, report.reporterId, report.reportedUserId);
    if (admission.admitted) {
      await deps.reports.recordStep(reportId, 'friend_check', {}, 'passed');
      return admission;
    }
    const refusal = { code: admission.refusalCode!, message: admission.refusalMessage! };
    const recorded = await deps.reports.recordStep(reportId, 'friend_check', { status: 'refused', refusal }, 'refused');
    // A concurrent run may have recorded first; its answer is the one that stands.
    return recorded ? admission : admissionOf((await requireReport(deps, reportId)).refusal);
  }

  return {
    /**
     * R4: the friend check, recorded on the report once; a re-run returns the recorded answer.
     * Reports filed since the check moved to filing (patch `admission-at-filing`) skip it;
     * it stays for reports whose workflow started without an admission in its input.
     */
    async checkFriendship({ reportId }: ReportRef): Promise<Admission> {
      const report = await requireReport(deps, reportId);
      const admission = report.timeline.friend_check ? admissionOf(report.refusal) : await firstCheck(report);
      // Filing usually answered 409 already; this reaches the reporter when it could not wait.
      if (!admission.admitted) {
        await deps.reportNotices.refused(report, { code: admission.refusalCode!, message: admission.refusalMessage! });
      }
      return admission;
    },
  };
}

function admissionOf(refusal?: { code: string; message: string }): Admission {
  return refusal ? { admitted: false, refusalCode: refusal.code, refusalMessage: refusal.message } : { admitted: true };
}
