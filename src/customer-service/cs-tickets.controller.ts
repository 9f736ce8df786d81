import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CsTicketsService } from './cs-tickets.service';
import { ListTicketsQuery } from './dto/tickets.dto';
import { Access } from '../auth/access.decorator';

@ApiTags('customer service')
@Controller('v1/cs/tickets')
export class CsTicketsController {
  constructor(private readonly tickets: CsTicketsService) {}

  @Access('support')
  @Get()
  list(@Query() query: ListTicketsQuery) {
    return this.tickets.list(query);
  }
}
