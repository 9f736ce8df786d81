import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TemporalModule } from '../temporal/temporal.module';
import { NoticeDeliveryLog } from './notice-delivery-log.service';
import { NoticeDeliveryStarter } from './notice-delivery-starter.service';
import { NoticesController } from './notices.controller';
import { NoticesService } from './notices.service';
import { Notice, NoticeSchema } from './schemas/notice.schema';
import { NoticeDelivery, NoticeDeliverySchema } from './schemas/notice-delivery.schema';
import { UserNoticesController } from './user-notices.controller';

/** The notices outbox (DSA Art. 16/17, R3, R9): stored once, delivered to a signed webhook. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Notice.name, schema: NoticeSchema },
      { name: NoticeDelivery.name, schema: NoticeDeliverySchema },
    ]),
    TemporalModule,
  ],
  controllers: [UserNoticesController, NoticesController],
  providers: [NoticesService, NoticeDeliveryLog, NoticeDeliveryStarter],
  exports: [NoticesService, NoticeDeliveryLog],
})
export class NoticesModule {}
