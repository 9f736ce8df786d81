import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { IdPipe } from '../common/id.pipe';
import { CsTicketsService } from './cs-tickets.service';
import { ListTicketsQuery, TicketPage, TicketView } from './dto/tickets.dto';

@ApiTags('customer service')
@Controller('v1/cs/tickets')
export class CsTicketsController {
  constructor(private readonly tickets: CsTicketsService) {}

  /** R9: the work list, high priority first, then oldest; filter by status, priority, kind, report. */
  @Access('support')
  @Get()
  @ApiOkResponse({ type: TicketPage })
  list(@Query() query: ListTicketsQuery) {
    return this.tickets.list(query);
  }

  @Access('support')
  @Get(':ticketId')
  @ApiOkResponse({ type: TicketView })
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND' })
  get(@Param('ticketId', IdPipe) ticketId: string) {
    return this.tickets.get(ticketId);
  }
}
