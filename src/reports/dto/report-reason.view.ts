import { ApiProperty } from '@nestjs/swagger';
import { POLICY_CODES, PolicyCategory, REASON_CODES } from '../report-reasons';

export class ReportReasonView {
  @ApiProperty({ enum: REASON_CODES }) code: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: POLICY_CODES }) policyCategory: PolicyCategory;
}

export class PolicyCategoryView {
  @ApiProperty({ enum: POLICY_CODES }) code: PolicyCategory;
  @ApiProperty() label: string;
}
