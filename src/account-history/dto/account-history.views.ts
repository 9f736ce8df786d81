import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_STATUSES, TARGET_KINDS } from '../../../workflows/definitions';

export class HistoryTargetView {
  @ApiProperty({ enum: TARGET_KINDS }) kind: string;
  @ApiProperty() id: string;
}

/** R3: how a reporter's reports ended; `accuracy` is approved / (approved + rejected), null before any decision. */
export class ReporterAccuracyView {
  @ApiProperty() filed: number;
  @ApiProperty() approved: number;
  @ApiProperty({ description: 'Rejected, false reports included.' }) rejected: number;
  @ApiProperty() falseReports: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.75 }) accuracy: number | null;
}

export class HistoryReportView {
  @ApiProperty() reportId: string;
  @ApiProperty({ type: HistoryTargetView }) target: HistoryTargetView;
  @ApiProperty() reasons: string[];
  @ApiProperty({ enum: REPORT_STATUSES }) status: string;
  @ApiProperty() filedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'R10: the policy an approval applied.' }) policy: string | null;
  @ApiProperty() falseReport: boolean;
  @ApiProperty() reporterId: string;
  @ApiProperty({ type: ReporterAccuracyView }) reporterAccuracy: ReporterAccuracyView;
}

export class HistoryReportsView {
  @ApiProperty({ type: [HistoryReportView] }) approved: HistoryReportView[];
  @ApiProperty({ type: [HistoryReportView], description: 'False reports included (falseReport: true).' }) rejected: HistoryReportView[];
  @ApiProperty({ type: [HistoryReportView] }) expired: HistoryReportView[];
  @ApiProperty({ type: [HistoryReportView], description: 'Received or awaiting review.' }) open: HistoryReportView[];
}

export class HistorySanctionView {
  @ApiProperty() sanctionId: string;
  @ApiProperty({ enum: ['active', 'on_record', 'ended', 'lifted', 'overturned'] }) status: string;
  @ApiProperty({ enum: ['warning', 'restriction', 'permanent'] }) measure: string;
  @ApiPropertyOptional() days?: number;
  @ApiProperty() policy: string;
  @ApiProperty({ type: HistoryTargetView }) target: HistoryTargetView;
  @ApiProperty({ enum: ['moderator_decision', 'customer_service'] }) source: string;
  @ApiProperty({ description: 'The moderator or CS staff member who decided.' }) decidedBy: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty({ type: Date, nullable: true }) endsAt: Date | null;
  @ApiPropertyOptional({ description: 'When it ended, was lifted or overturned.' }) closedAt?: Date;
  @ApiProperty({ enum: ['none', 'pending', 'upheld', 'denied'] }) appeal: string;
}

export class HistorySanctionsView {
  @ApiProperty({ type: [HistorySanctionView], description: 'In force, and warnings on record.' }) active: HistorySanctionView[];
  @ApiProperty({ type: [HistorySanctionView], description: 'Ended, lifted or overturned.' }) past: HistorySanctionView[];
}

export class HistoryAppealView {
  @ApiProperty() appealId: string;
  @ApiProperty() sanctionId: string;
  @ApiProperty({ enum: ['pending', 'upheld', 'denied'] }) status: string;
  @ApiProperty() statement: string;
  @ApiProperty() filedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy: string | null;
}

export const TIMELINE_KINDS = [
  'report_filed',
  'report_decided',
  'report_expired',
  'sanction_issued',
  'sanction_ended',
  'sanction_lifted',
  'sanction_overturned',
  'appeal_filed',
  'appeal_decided',
  'content_removed',
  'content_restored',
] as const;

export class HistoryTimelineEntry {
  @ApiProperty() at: Date;
  @ApiProperty({ enum: TIMELINE_KINDS }) kind: (typeof TIMELINE_KINDS)[number];
  @ApiPropertyOptional() reportId?: string;
  @ApiPropertyOptional() sanctionId?: string;
  @ApiPropertyOptional() appealId?: string;
  @ApiPropertyOptional({ description: 'Outcome, measure or policy, in a few words.' }) detail?: string;
}

export class RestrictionInForceView {
  @ApiProperty() sanctionId: string;
  @ApiProperty({ type: Date, nullable: true, description: 'null: permanent.' }) until: Date | null;
}

/** The counts a case view shows beside the evidence. */
export class AccountHistorySummary {
  @ApiProperty() reportsTotal: number;
  @ApiProperty({ description: 'Reports about the account by outcome.', example: { approved: 2, rejected: 1, falseReports: 0, expired: 0, open: 1 } })
  reports: { approved: number; rejected: number; falseReports: number; expired: number; open: number };
  @ApiProperty({ example: { active: 1, past: 2 } }) sanctions: { active: number; past: number };
  @ApiProperty({ example: { pending: 0, upheld: 1, denied: 0 } }) appeals: { pending: number; upheld: number; denied: number };
  @ApiProperty({ type: RestrictionInForceView, nullable: true }) restriction: RestrictionInForceView | null;
}

/** Everything moderators know about one account as a reported person (bounded: the latest 200 reports). */
export class AccountHistoryView {
  @ApiProperty() userId: string;
  @ApiProperty({ type: AccountHistorySummary }) summary: AccountHistorySummary;
  @ApiProperty({ type: HistoryReportsView, description: 'Newest first within each outcome.' }) reports: HistoryReportsView;
  @ApiProperty({ type: HistorySanctionsView, description: 'Newest first.' }) sanctions: HistorySanctionsView;
  @ApiProperty({ type: [HistoryAppealView], description: 'Newest first.' }) appeals: HistoryAppealView[];
  @ApiProperty({ type: [HistoryTimelineEntry], description: 'Every entry above in time order, newest first.' }) timeline: HistoryTimelineEntry[];
}
