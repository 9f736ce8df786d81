import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KeyIndexModule } from '../common/key-index';
import { SanctionStore } from './sanction-store.service';
import { AppealDecision, AppealDecisionSchema, SanctionAppeal, SanctionAppealSchema } from './schemas/sanction-appeal.schema';
import { SanctionEvent, SanctionEventSchema } from './schemas/sanction-event.schema';
import { Sanction, SanctionSchema } from './schemas/sanction.schema';

/** The sanction records alone, for readers that need no workflow or notice (enforcement, the account history). */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Sanction.name, schema: SanctionSchema },
      { name: SanctionEvent.name, schema: SanctionEventSchema },
      { name: SanctionAppeal.name, schema: SanctionAppealSchema },
      { name: AppealDecision.name, schema: AppealDecisionSchema },
    ]),
    KeyIndexModule,
  ],
  providers: [SanctionStore],
  exports: [SanctionStore],
})
export class SanctionStoreModule {}
