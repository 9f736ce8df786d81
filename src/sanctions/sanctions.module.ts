import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { NoticesModule } from '../notices/notices.module';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { TemporalModule } from '../temporal/temporal.module';
import { UsersModule } from '../users/users.module';
import { SanctionActionsController } from './sanction-actions.controller';
import { RestrictionsController } from './restrictions.controller';
import { RestrictionsService } from './restrictions.service';
import { SanctionActionsService } from './sanction-actions.service';
import { LadderPolicy } from './sanction-ladder';
import { SanctionStore } from './sanction-store.service';
import { KeyIndexModule } from '../common/key-index';
import { SanctionWorkflows } from './sanction-workflows.service';
import { SanctionsService } from './sanctions.service';
import { AppealDecision, AppealDecisionSchema, SanctionAppeal, SanctionAppealSchema } from './schemas/sanction-appeal.schema';
import { SanctionEvent, SanctionEventSchema } from './schemas/sanction-event.schema';
import { Sanction, SanctionSchema } from './schemas/sanction.schema';

/** R9: sanctions on reported accounts, their statement of reasons (R2), CS lifts and appeals. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Sanction.name, schema: SanctionSchema },
      { name: SanctionEvent.name, schema: SanctionEventSchema },
      { name: SanctionAppeal.name, schema: SanctionAppealSchema },
      { name: AppealDecision.name, schema: AppealDecisionSchema },
    ]),
    ReportStoreModule,
    KeyIndexModule,
    UsersModule,
    ReporterStandingModule,
    NoticesModule,
    TemporalModule,
  ],
  controllers: [RestrictionsController, SanctionActionsController],
  providers: [LadderPolicy, SanctionStore, SanctionsService, SanctionWorkflows, RestrictionsService, SanctionActionsService],
  exports: [SanctionsService, SanctionWorkflows],
})
export class SanctionsModule {}
