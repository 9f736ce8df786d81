import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { POLICY_CODES } from '../../reports/report-reasons';
import { IsOmittable } from '../../common/omittable';

export class ApproveReportDto {
  @ApiPropertyOptional({ enum: POLICY_CODES, description: "R10: policy applied; defaults to the first reason's category." })
  @IsOmittable()
  @IsIn(POLICY_CODES, { message: `policy must be one of ${POLICY_CODES.join(', ')}`, context: { code: 'UNKNOWN_POLICY' } })
  policy?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'R9: escalate to customer service with high priority; the reporter is told how CS follows up.' })
  @IsOmittable()
  @IsBoolean()
  escalate?: boolean;
}

export class RejectReportDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'R3: the report was knowingly false.' })
  @IsOmittable()
  @IsBoolean()
  falseReport?: boolean;

  @ApiPropertyOptional({ description: 'R9: escalate to customer service with high priority; the reporter is told how CS follows up.' })
  @IsOmittable()
  @IsBoolean()
  escalate?: boolean;
}
