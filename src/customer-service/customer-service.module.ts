import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { CsTicketsController } from './cs-tickets.controller';
import { CsTicketsService } from './cs-tickets.service';
import { CsTicket, CsTicketSchema } from './schemas/cs-ticket.schema';
import { TicketResolution, TicketResolutionSchema } from './schemas/ticket-resolution.schema';
import { TicketResolutionsService } from './ticket-resolutions.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CsTicket.name, schema: CsTicketSchema },
      { name: TicketResolution.name, schema: TicketResolutionSchema },
    ]),
    SanctionsModule,
  ],
  controllers: [CsTicketsController],
  providers: [CsTicketsService, TicketResolutionsService],
  exports: [CsTicketsService],
})
export class CustomerServiceModule {}
