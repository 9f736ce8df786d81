import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TARGET_KINDS, TargetKind } from '../../../workflows/definitions';
import { REASON_CODES } from '../../reports/report-reasons';

export class CaseQueueQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;

  @ApiPropertyOptional({ enum: TARGET_KINDS, description: 'Only cases about this kind of content.' })
  @IsOptional()
  @IsIn(TARGET_KINDS, { message: `targetKind must be one of ${TARGET_KINDS.join(', ')}`, context: { code: 'UNKNOWN_TARGET_KIND' } })
  targetKind?: TargetKind;

  @ApiPropertyOptional({ enum: REASON_CODES, description: 'Only cases with at least one awaiting report giving this reason.' })
  @IsOptional()
  @IsIn(REASON_CODES, { message: 'reason must be a code from GET /v1/report-reasons', context: { code: 'UNKNOWN_REASON' } })
  reason?: string;
}
