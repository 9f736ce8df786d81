import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/page-query';
import { IsOmittable } from '../../common/omittable';

export class FileAppealDto {
  @ApiProperty({ description: 'Why the sanctioned person thinks the decision is wrong.', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  statement: string;
}

/** The deciding moderator is the token's subject; it must not be who decided the sanction. */
export class DecideAppealDto {
  @ApiProperty({ enum: ['uphold', 'deny'] })
  @IsIn(['uphold', 'deny'], { message: 'outcome must be uphold or deny', context: { code: 'UNKNOWN_APPEAL_OUTCOME' } })
  outcome: 'uphold' | 'deny';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** The CS staff member lifting the sanction is the token's subject. */
export class LiftSanctionDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListAppealsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'upheld', 'denied'] })
  @IsOptional()
  @IsIn(['pending', 'upheld', 'denied'])
  status?: 'pending' | 'upheld' | 'denied';
}
