import { ApiProperty } from '@nestjs/swagger';
import { REPORT_STATUSES, ReportStatus } from '../../../workflows/definitions';

/** R3: how a reporter's reports ended, and the reporting restriction in force, if any. */
export class ReporterStandingView {
  @ApiProperty() userId: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) filed: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) approved: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rejected, false reports included.' }) rejected: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Rejections marked as false reports (strikes).' }) falseReports: number;
  @ApiProperty({ type: Date, nullable: true, description: 'The end of the reporting restriction in force; null when none is.' })
  restrictedUntil: Date | null;
}

/** The report's status once its workflow took the decision. */
export class ReportDecisionView {
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: REPORT_STATUSES, example: 'approved' }) status: ReportStatus;
}
