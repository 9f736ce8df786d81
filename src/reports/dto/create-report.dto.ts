import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsDefined, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { TARGET_KINDS, TargetKind } from '../../../workflows/definitions';
import { IsEntityId } from '../../common/is-entity-id';
import { REASON_CODES } from '../report-reasons';
import { IsOmittable } from '../../common/omittable';

export class ReportTargetDto {
  @ApiProperty({ enum: TARGET_KINDS })
  @IsIn(TARGET_KINDS, { message: `target.kind must be one of ${TARGET_KINDS.join(', ')}`, context: { code: 'UNKNOWN_TARGET_KIND' } })
  kind: TargetKind;

  @ApiProperty({ example: 'msg_123', description: 'Id of the message, post or comment.' })
  @IsEntityId()
  id: string;
}

/** R1: a target (kind + id) and one or more reasons from the catalogue. */
export class CreateReportDto {
  @ApiProperty({ example: 'alice' })
  @IsEntityId()
  reporterId: string;

  @ApiProperty({ type: ReportTargetDto })
  @IsDefined({ message: 'target is required', context: { code: 'MISSING_TARGET' } })
  @ValidateNested()
  @Type(() => ReportTargetDto)
  target: ReportTargetDto;

  @ApiProperty({ example: ['violent_threatening'], enum: REASON_CODES, isArray: true })
  @IsArray({ message: 'reasons must be a list of reason codes', context: { code: 'EMPTY_REASONS' } })
  @ArrayNotEmpty({ message: 'tick at least one reason for reporting', context: { code: 'EMPTY_REASONS' } })
  @ArrayMaxSize(REASON_CODES.length)
  @ArrayUnique()
  @IsIn(REASON_CODES, { each: true, message: 'each reason must be a code from GET /v1/report-reasons', context: { code: 'UNKNOWN_REASON' } })
  reasons: string[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  details?: string;
}
