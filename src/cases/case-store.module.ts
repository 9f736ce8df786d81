import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueueFeedModule } from '../queue-feed/queue-feed.module';
import { CaseStore } from './case-store.service';
import { CaseEvent, CaseEventSchema } from './schemas/case-event.schema';
import { ModerationCase, ModerationCaseSchema } from './schemas/moderation-case.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ModerationCase.name, schema: ModerationCaseSchema },
      { name: CaseEvent.name, schema: CaseEventSchema },
    ]),
    QueueFeedModule,
  ],
  providers: [CaseStore],
  exports: [CaseStore],
})
export class CaseStoreModule {}
