import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CaseStore } from './case-store.service';
import { CaseEvent, CaseEventSchema } from './schemas/case-event.schema';
import { ModerationCase, ModerationCaseSchema } from './schemas/moderation-case.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ModerationCase.name, schema: ModerationCaseSchema },
      { name: CaseEvent.name, schema: CaseEventSchema },
    ]),
  ],
  providers: [CaseStore],
  exports: [CaseStore],
})
export class CaseStoreModule {}
