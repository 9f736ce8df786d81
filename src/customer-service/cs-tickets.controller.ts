import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { IdPipe } from '../common/id.pipe';
import { CsTicketsService } from './cs-tickets.service';
import { ListTicketsQuery, ResolveTicketDto, TicketPage, TicketView } from './dto/tickets.dto';
import { TicketResolutionView } from './dto/ticket-resolution.view';
import { TicketResolutionsService } from './ticket-resolutions.service';

@ApiTags('customer service')
@Controller('v1/cs/tickets')
export class CsTicketsController {
  constructor(
    private readonly tickets: CsTicketsService,
    private readonly resolutions: TicketResolutionsService,
  ) {}

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

  /** R9: CS resolves a ticket, once, with a measure that becomes a sanction on the reported account. */
  @Access('support')
  @Post(':ticketId/resolve')
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: TicketResolutionView, description: 'The resolved ticket with the sanction it became (R9).' })
  @ApiConflictResponse({ description: 'TICKET_ALREADY_RESOLVED' })
  resolve(@Param('ticketId', IdPipe) ticketId: string, @Body() dto: ResolveTicketDto, @CurrentPrincipal() staff: Principal): Promise<TicketResolutionView> {
    return this.resolutions.resolve(ticketId, staff.sub, dto);
  }
}
