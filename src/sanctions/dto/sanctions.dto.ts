import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';

export class FileAppealDto {
  @ApiProperty({ description: 'Why the sanctioned person thinks the decision is wrong.', minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  statement: string;
}

export class DecideAppealDto {
  @ApiProperty({ example: 'mod-2', description: 'Must not be the moderator (or CS staff member) who decided the sanction.' })
  @IsEntityId()
  moderatorId: string;

  @ApiProperty({ enum: ['uphold', 'deny'] })
  @IsIn(['uphold', 'deny'], { message: 'outcome must be uphold or deny', context: { code: 'UNKNOWN_APPEAL_OUTCOME' } })
  outcome: 'uphold' | 'deny';

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class LiftSanctionDto {
  @ApiProperty({ example: 'cs-1', description: 'The CS staff member lifting the sanction.' })
  @IsEntityId()
  staffId: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListAppealsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'upheld', 'denied'] })
  @IsOptional()
  @IsIn(['pending', 'upheld', 'denied'])
  status?: 'pending' | 'upheld' | 'denied';
}
