import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_STATUSES, ReportStatus, reportWorkflowId } from '../../../workflows/definitions';
import { Report } from '../schemas/report.schema';

export class FiledReportView {
  @ApiProperty() reportId: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
}

export class TimelineStepView {
  @ApiProperty() step: string;
  @ApiProperty() at: Date;
  @ApiPropertyOptional() detail?: string;
}

export class ReportView extends FiledReportView {
  @ApiProperty() reporterId: string;
  @ApiProperty() reportedUserId: string;
  @ApiProperty() target: { kind: string; id: string };
  @ApiProperty() reasons: string[];
  @ApiProperty() policyCategories: string[];
  @ApiPropertyOptional() details?: string;
  @ApiPropertyOptional() evidence?: { evidenceSetId: string; rootDigest: string; itemCount: number };
  @ApiPropertyOptional() decision?: object;
  @ApiPropertyOptional({ enum: ['applied', 'already_in_place'] }) autoBlock?: string;
  @ApiPropertyOptional() reviewOpenedAt?: Date;
  @ApiPropertyOptional() reviewOverdueAt?: Date;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [TimelineStepView] }) timeline: TimelineStepView[];
}

/** Maps the stored document to the answer, so storage fields never leak into the API. */
export function toReportView(report: Report): ReportView {
  const timeline = Object.entries(report.timeline ?? {})
    .map(([step, entry]) => ({ step, at: entry.at, ...(entry.detail ? { detail: entry.detail } : {}) }))
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return {
    reportId: report._id,
    workflowId: reportWorkflowId(report._id),
    status: report.status,
    reporterId: report.reporterId,
    reportedUserId: report.reportedUserId,
    target: { kind: report.target.kind, id: report.target.id },
    reasons: report.reasons,
    policyCategories: report.policyCategories,
    details: report.details,
    evidence: report.evidence,
    decision: report.decision,
    autoBlock: report.autoBlock,
    reviewOpenedAt: report.reviewOpenedAt,
    reviewOverdueAt: report.reviewOverdueAt,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    timeline,
  };
}
