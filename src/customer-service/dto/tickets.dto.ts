import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';
import { MAX_RESTRICTION_DAYS } from '../../sanctions/sanction-ladder';
import { TICKET_KINDS } from '../schemas/cs-ticket.schema';
import { RESOLUTION_MEASURES, ResolutionMeasure } from '../schemas/ticket-resolution.schema';

export class ListTicketsQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEntityId()
  reportId?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional({ enum: TICKET_KINDS })
  @IsOptional()
  @IsIn(TICKET_KINDS)
  kind?: string;
}

export class ResolveTicketDto {
  @ApiProperty({ enum: RESOLUTION_MEASURES, description: 'R9: the measure on the reported account; anything but none becomes a sanction.' })
  @IsIn(RESOLUTION_MEASURES, { message: `measure must be one of ${RESOLUTION_MEASURES.join(', ')}`, context: { code: 'UNKNOWN_MEASURE' } })
  measure: ResolutionMeasure;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RESTRICTION_DAYS, description: 'Required for a restriction, refused otherwise.' })
  @ValidateIf((dto: ResolveTicketDto) => dto.measure === 'restriction' || dto.days !== undefined)
  @IsInt({ message: 'days must be a whole number of days', context: { code: 'INVALID_RESTRICTION_DAYS' } })
  @Min(1, { message: `days must be 1 to ${MAX_RESTRICTION_DAYS}`, context: { code: 'INVALID_RESTRICTION_DAYS' } })
  @Max(MAX_RESTRICTION_DAYS, { message: `days must be 1 to ${MAX_RESTRICTION_DAYS}`, context: { code: 'INVALID_RESTRICTION_DAYS' } })
  days?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
