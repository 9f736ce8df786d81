import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AccountHistorySummary, ReporterAccuracyView } from '../../account-history/dto/account-history.views';
import { REPORT_STATUSES, TARGET_KINDS } from '../../../workflows/definitions';
import { CASE_EVENT_TYPES, type CaseEventType } from '../schemas/case-event.schema';

export class CaseTargetView {
  @ApiProperty({ enum: TARGET_KINDS }) kind: string;
  @ApiProperty() id: string;
}

export class CaseClaimView {
  @ApiProperty({ example: 'mod-1' }) moderatorId: string;
  @ApiProperty() expiresAt: Date;
}

export class CaseSlaView {
  @ApiProperty({ description: 'Oldest awaiting report review opened + REVIEW_DEADLINE.' }) dueAt: Date;
  @ApiProperty({ enum: ['due', 'overdue'] }) state: 'due' | 'overdue';
}

export class CasePriorityView {
  @ApiProperty({ description: 'Highest QUEUE_REASON_WEIGHTS weight among the case reasons.' }) weight: number;
  @ApiProperty() topReason: string;
}

export class QueueReportView {
  @ApiProperty() reportId: string;
  @ApiProperty() workflowId: string;
  @ApiProperty() reasons: string[];
  @ApiProperty() reviewOpenedAt: Date;
  @ApiPropertyOptional() evidence?: { rootDigest: string; itemCount: number };
}

/** One case in the moderation queue: every awaiting report on one target, shown once. */
export class CaseQueueItem {
  @ApiProperty({ example: 'case-open_chat_post-post_123' }) caseId: string;
  @ApiProperty({ type: CaseTargetView }) target: CaseTargetView;
  @ApiProperty({ description: 'Reports on the target awaiting review.' }) reportCount: number;
  @ApiProperty({ description: 'Union of their reasons, highest weight first.' }) reasons: string[];
  @ApiProperty() policyCategories: string[];
  @ApiProperty({ type: CasePriorityView }) priority: CasePriorityView;
  @ApiProperty() oldestReportAt: Date;
  @ApiProperty() newestReportAt: Date;
  @ApiProperty({ type: CaseSlaView }) sla: CaseSlaView;
  @ApiProperty({ type: CaseClaimView, nullable: true, description: "Only ever the caller's own claim: cases claimed by others are not listed." })
  claim: CaseClaimView | null;
  @ApiProperty({ description: 'A moderator reopened the case after deciding it.' }) reopened: boolean;
  @ApiProperty({ type: [QueueReportView], description: 'The oldest awaiting reports (at most 20).' }) reports: QueueReportView[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The start of the reported text (140 characters); null when the content is gone.' })
  preview?: string | null;
}

export class CaseQueuePage {
  @ApiProperty({ type: [CaseQueueItem] }) items: CaseQueueItem[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page.' })
  nextCursor: string | null;
}

export class CaseDecisionView {
  @ApiProperty({ example: 'case-open_chat_post-post_123:000002' }) decisionId: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome: 'approved' | 'rejected';
  @ApiProperty() moderatorId: string;
  @ApiPropertyOptional() policy?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional() falseReport?: boolean;
  @ApiProperty() decidedAt: Date;
}

export class CaseReportView {
  @ApiProperty() reportId: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status: string;
  @ApiProperty() reasons: string[];
  @ApiProperty() filedAt: Date;
  @ApiProperty({ type: ReporterAccuracyView, description: "R3: how this report's reporter's reports ended." }) reporterAccuracy: ReporterAccuracyView;
  @ApiPropertyOptional({ description: 'Set when the report took the case decision.' }) caseDecisionId?: string;
}

export class CaseEventView {
  @ApiProperty() seq: number;
  @ApiProperty({
    enum: CASE_EVENT_TYPES,
    description: 'withdrawal: a decision taken back because its delivery could not be started (the decide request answered 503).',
  })
  type: CaseEventType;
  @ApiProperty() moderatorId: string;
  @ApiProperty() at: Date;
  @ApiPropertyOptional() expiresAt?: Date;
  @ApiPropertyOptional() outcome?: string;
  @ApiPropertyOptional({ description: 'Withdrawals only: the decisionId taken back.' }) withdraws?: string;
}

/** A case with its status (computed from its events), its reports and its event log. */
export class CaseView {
  @ApiProperty() caseId: string;
  @ApiProperty({ type: CaseTargetView }) target: CaseTargetView;
  @ApiProperty() reportedUserId: string;
  @ApiProperty({
    type: AccountHistorySummary,
    description: "The reported account's history in counts (GET /v1/moderation/users/:userId/history has it in full).",
  })
  accountHistory: AccountHistorySummary;
  @ApiProperty({ enum: ['open', 'decided'], description: 'decided: new reports on the target take the decision at once.' })
  state: 'open' | 'decided';
  @ApiProperty({ type: CaseClaimView, nullable: true }) claim: CaseClaimView | null;
  @ApiProperty({ type: CaseDecisionView, nullable: true }) lastDecision: CaseDecisionView | null;
  @ApiProperty({ type: Date, nullable: true }) reopenedAt: Date | null;
  @ApiProperty({ description: 'Reports awaiting review (or still being admitted).' }) openReportCount: number;
  @ApiProperty({ type: CaseSlaView, nullable: true, description: 'null when no report awaits review.' }) sla: CaseSlaView | null;
  @ApiProperty({ type: [CaseReportView], description: 'Every report on the target, oldest first (at most 200).' }) reports: CaseReportView[];
  @ApiProperty({ type: [CaseEventView] }) events: CaseEventView[];
}

export class CaseClaimResult {
  @ApiProperty() caseId: string;
  @ApiProperty({ type: CaseClaimView, nullable: true, description: 'null after unclaim.' }) claim: CaseClaimView | null;
}

export class CaseDecisionAccepted {
  @ApiProperty() caseId: string;
  @ApiProperty() decisionId: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome: 'approved' | 'rejected';
  @ApiProperty({ description: 'The workflow that delivers the decision to each open report workflow.' }) workflowId: string;
  @ApiProperty({ description: 'Open reports on the case when it was decided.' }) openReports: number;
}
