import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TARGET_KINDS } from '../../../workflows/definitions';
import { MAX_RESTRICTION_DAYS, MEASURE_KINDS, MeasureKind } from '../sanction-ladder';
import type { AppealStatus, SanctionStatus } from '../sanction-statement';

// Keyed by the status types, so a status added there fails to compile here until it is described.
const SANCTION_STATUS_MEANING: Record<SanctionStatus, string> = {
  active: 'in force',
  on_record: 'a warning, kept on record',
  ended: 'ran its course',
  lifted: 'ended early by customer service',
  overturned: 'undone by an upheld appeal',
};
const FILED_APPEAL_STATUS_MEANING: Record<Exclude<AppealStatus, 'none'>, string> = {
  pending: 'not decided yet',
  upheld: 'the sanction is overturned',
  denied: 'the sanction stands',
};
const statusList = (meaning: Record<string, string>) =>
  Object.entries(meaning)
    .map(([status, text]) => `${status}: ${text}`)
    .join('; ');

export class StaffSanctionGroundView {
  @ApiProperty({ description: 'R10: the policy category the content violated.' }) policy: string;
  @ApiProperty() title: string;
}

export class StaffSanctionContentView {
  @ApiProperty({ enum: TARGET_KINDS }) kind: string;
  @ApiProperty() id: string;
}

export class StaffSanctionRedressView {
  @ApiProperty() appealUntil: Date;
  @ApiProperty({ description: 'No appeal filed yet, not overturned, and the window is open.' }) canAppeal: boolean;
  @ApiProperty() howToAppeal: string;
}

/** The statement of reasons the sanctioned person reads (DSA Art. 17); R2: nothing about who reported. */
export class StaffSanctionStatementView {
  @ApiProperty({ example: '7-day restriction' }) measure: string;
  @ApiProperty({ type: StaffSanctionGroundView }) ground: StaffSanctionGroundView;
  @ApiProperty({ type: StaffSanctionContentView }) content: StaffSanctionContentView;
  @ApiProperty() facts: string;
  @ApiProperty({ enum: ['a moderator', 'customer service'] }) decidedBy: string;
  @ApiProperty({ enum: [false] }) automatedDecision: boolean;
  @ApiProperty({ type: StaffSanctionRedressView }) redress: StaffSanctionRedressView;
}

export class StaffSanctionAppealView {
  @ApiProperty() appealId: string;
  @ApiProperty({ enum: Object.keys(FILED_APPEAL_STATUS_MEANING), description: statusList(FILED_APPEAL_STATUS_MEANING) }) status: AppealStatus;
  @ApiProperty() filedAt: Date;
  @ApiPropertyOptional() decidedAt?: Date;
}

/** A sanction as staff read it: the statement the user reads, plus nothing of the reporter. */
export class StaffSanctionView {
  @ApiProperty() sanctionId: string;
  @ApiProperty({ enum: Object.keys(SANCTION_STATUS_MEANING), description: statusList(SANCTION_STATUS_MEANING) }) status: SanctionStatus;
  @ApiProperty({ enum: MEASURE_KINDS }) measure: MeasureKind;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RESTRICTION_DAYS, description: 'A restriction only.' }) days?: number;
  @ApiProperty() startsAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'null: a warning or a permanent restriction.' }) endsAt: Date | null;
  @ApiPropertyOptional({ description: 'When it ended, was lifted or overturned.' }) closedAt?: Date;
  @ApiProperty({ type: StaffSanctionStatementView }) statement: StaffSanctionStatementView;
  @ApiProperty({ type: StaffSanctionAppealView, nullable: true, description: 'null: no appeal filed.' }) appeal: StaffSanctionAppealView | null;
}

/** The answer of a lift and the sanction in an appeal decision: the sanction with its account. */
export class AccountSanctionView extends StaffSanctionView {
  @ApiProperty({ description: 'The sanctioned account.' }) userId: string;
}

export class AppealListItemView {
  @ApiProperty() appealId: string;
  @ApiProperty({ enum: Object.keys(FILED_APPEAL_STATUS_MEANING), description: statusList(FILED_APPEAL_STATUS_MEANING) }) status: AppealStatus;
  @ApiProperty({ description: "The sanctioned person's statement." }) statement: string;
  @ApiProperty() filedAt: Date;
  @ApiProperty({ description: 'The sanctioned account.' }) userId: string;
  @ApiProperty({ type: StaffSanctionView }) sanction: StaffSanctionView;
}

export class AppealListPage {
  @ApiProperty({ type: [AppealListItemView], description: 'Oldest first.' }) items: AppealListItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last page.' }) nextCursor: string | null;
}

export class AppealDecisionView {
  @ApiProperty() appealId: string;
  @ApiProperty({ enum: ['upheld', 'denied'], description: 'upheld: the sanction is overturned.' }) outcome: 'upheld' | 'denied';
  @ApiProperty({ type: AccountSanctionView, description: 'The sanction after the decision.' }) sanction: AccountSanctionView;
}
