import type { ReportLifecycleInput } from '../../workflows/definitions';
import type { AppConfig } from '../config/app-config';
import { admissionOf } from './filing-admission';
import type { Report } from './schemas/report.schema';

/** A stored report's workflow input: everything the workflow needs, read from the report alone. */
export function lifecycleInputOf(report: Report, config: AppConfig): ReportLifecycleInput {
  return {
    reportId: report._id,
    reporterId: report.reporterId,
    reportedUserId: report.reportedUserId,
    target: report.target,
    ...(report.chatId ? { chatId: report.chatId } : {}),
    reasons: report.reasons,
    reviewDeadlineMs: config.reviewDeadlineMs,
    maxReviewWaitMs: config.maxReviewWaitMs,
    admission: admissionOf(report),
  };
}
