import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { IdPipe } from '../common/id.pipe';
import { CsTicketsService } from './cs-tickets.service';
import { ListTicketsQuery, ResolveTicketDto } from './dto/tickets.dto';
import { TicketResolutionsService } from './ticket-resolutions.service';

@ApiTags('customer service')
@Controller('v1/cs/tickets')
export class CsTicketsController {
  constructor(
    private readonly tickets: CsTicketsService,
    private readonly resolutions: TicketResolutionsService,
  ) {}

  @Access('support')
  @Get()
  list(@Query() query: ListTicketsQuery) {
    return this.tickets.list(query);
  }

  /** R9: CS resolves a ticket, once, with a measure that becomes a sanction on the reported account. */
  @Access('support')
  @Post(':ticketId/resolve')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'TICKET_ALREADY_RESOLVED' })
  resolve(@Param('ticketId', IdPipe) ticketId: string, @Body() dto: ResolveTicketDto, @CurrentPrincipal() staff: Principal) {
    return this.resolutions.resolve(ticketId, staff.sub, dto);
  }
}
