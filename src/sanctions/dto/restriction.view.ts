import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TARGET_KINDS } from '../../../workflows/definitions';
import { MAX_RESTRICTION_DAYS, MEASURE_KINDS, MeasureKind } from '../sanction-ladder';
import type { AppealStatus, SanctionStatus } from '../sanction-statement';

/*
 * What the sanctioned person reads of their sanctions (DSA Art. 17 statement of reasons), and
 * staff read the same. R2: no field names the reporter or the report; `restrictionView` builds
 * these field by field.
 */

// Keyed by the status types, so a status added there fails to compile here until it is described.
const SANCTION_STATUS_MEANING: Record<SanctionStatus, string> = {
  active: 'in force',
  on_record: 'a warning, kept on record',
  ended: 'ran its course',
  lifted: 'ended early by customer service',
  overturned: 'undone by an upheld appeal',
};
export const FILED_APPEAL_STATUS_MEANING: Record<Exclude<AppealStatus, 'none'>, string> = {
  pending: 'not decided yet',
  upheld: 'the sanction is overturned',
  denied: 'the sanction stands',
};
export const statusList = (meaning: Record<string, string>) =>
  Object.entries(meaning)
    .map(([status, text]) => `${status}: ${text}`)
    .join('; ');

export class StatementGroundView {
  @ApiProperty({ description: 'The operation-policy category (GET /v1/policy-categories).' }) policy: string;
  @ApiProperty() title: string;
}

export class StatementContentView {
  @ApiProperty({ enum: TARGET_KINDS }) kind: string;
  @ApiProperty() id: string;
}

export class StatementRedressView {
  @ApiProperty() appealUntil: Date;
  @ApiProperty({ description: 'No appeal filed yet, not overturned, and the window is open.' }) canAppeal: boolean;
  @ApiProperty() howToAppeal: string;
}

export class SanctionStatementView {
  @ApiProperty({ description: 'The measure in words, e.g. "7-day restriction".' }) measure: string;
  @ApiProperty({ type: StatementGroundView }) ground: StatementGroundView;
  @ApiProperty({ type: StatementContentView }) content: StatementContentView;
  @ApiProperty() facts: string;
  @ApiProperty({ enum: ['a moderator', 'customer service'] }) decidedBy: 'a moderator' | 'customer service';
  @ApiProperty({ enum: [false] }) automatedDecision: false;
  @ApiProperty({ type: StatementRedressView }) redress: StatementRedressView;
}

export class SanctionAppealStateView {
  @ApiProperty() appealId: string;
  @ApiProperty({ enum: Object.keys(FILED_APPEAL_STATUS_MEANING), description: statusList(FILED_APPEAL_STATUS_MEANING) }) status: AppealStatus;
  @ApiProperty() filedAt: Date;
  @ApiPropertyOptional() decidedAt?: Date;
}

export class RestrictionRecordView {
  @ApiProperty() sanctionId: string;
  @ApiProperty({ enum: Object.keys(SANCTION_STATUS_MEANING), description: statusList(SANCTION_STATUS_MEANING) }) status: SanctionStatus;
  @ApiProperty({ enum: MEASURE_KINDS }) measure: MeasureKind;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_RESTRICTION_DAYS, description: 'Only on a restriction.' }) days?: number;
  @ApiProperty() startsAt: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'null for a warning or a permanent restriction.' }) endsAt: Date | null;
  @ApiPropertyOptional({ description: 'When it stopped applying (ended, lifted or overturned).' }) closedAt?: Date;
  @ApiProperty({ type: SanctionStatementView }) statement: SanctionStatementView;
  @ApiProperty({ type: SanctionAppealStateView, nullable: true, description: 'null: no appeal filed.' }) appeal: SanctionAppealStateView | null;
}

export class RestrictionsView {
  @ApiProperty() userId: string;
  @ApiProperty() restricted: boolean;
  @ApiProperty({
    type: String,
    anyOf: [
      { type: 'string', format: 'date-time' },
      { type: 'string', enum: ['permanent'] },
    ],
    nullable: true,
    description: 'When the last restriction in force ends, "permanent", or null when none is in force.',
  })
  restrictedUntil: Date | 'permanent' | null;
  @ApiProperty({ type: [RestrictionRecordView], description: 'Restrictions in force and warnings on record.' }) active: RestrictionRecordView[];
  @ApiProperty({ type: [RestrictionRecordView], description: 'Ended, lifted or overturned.' }) past: RestrictionRecordView[];
}

export class FiledAppealView {
  @ApiProperty() appealId: string;
  @ApiProperty() sanctionId: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
  @ApiProperty() filedAt: Date;
}
