import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsEntityId } from '../../common/is-entity-id';
import { TICKET_KINDS } from '../schemas/cs-ticket.schema';

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
