import { ApiProperty } from '@nestjs/swagger';
import type { AppealStatus } from '../sanction-statement';
import { FILED_APPEAL_STATUS_MEANING, RestrictionRecordView, statusList } from './restriction.view';

/** The answer of a lift and the sanction in an appeal decision: the sanction, as its user reads it, with its account. */
export class AccountSanctionView extends RestrictionRecordView {
  @ApiProperty({ description: 'The sanctioned account.' }) userId: string;
}

export class AppealListItemView {
  @ApiProperty() appealId: string;
  @ApiProperty({ enum: Object.keys(FILED_APPEAL_STATUS_MEANING), description: statusList(FILED_APPEAL_STATUS_MEANING) }) status: AppealStatus;
  @ApiProperty({ description: "The sanctioned person's statement." }) statement: string;
  @ApiProperty() filedAt: Date;
  @ApiProperty({ description: 'The sanctioned account.' }) userId: string;
  @ApiProperty({ type: RestrictionRecordView }) sanction: RestrictionRecordView;
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
