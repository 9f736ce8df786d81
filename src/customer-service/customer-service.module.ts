import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CsTicketsController } from './cs-tickets.controller';
import { CsTicketsService } from './cs-tickets.service';
import { CsTicket, CsTicketSchema } from './schemas/cs-ticket.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: CsTicket.name, schema: CsTicketSchema }])],
  controllers: [CsTicketsController],
  providers: [CsTicketsService],
  exports: [CsTicketsService],
})
export class CustomerServiceModule {}
