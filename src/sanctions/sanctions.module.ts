import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { TemporalModule } from '../temporal/temporal.module';
import { UsersModule } from '../users/users.module';
import { ContentTakedowns } from './content-takedowns.service';
import { SanctionActionsController } from './sanction-actions.controller';
import { RestrictionsController } from './restrictions.controller';
import { RestrictionsService } from './restrictions.service';
import { SanctionActionsService } from './sanction-actions.service';
import { LadderPolicy } from './sanction-ladder';
import { SanctionStoreModule } from './sanction-store.module';
import { SanctionWorkflows } from './sanction-workflows.service';
import { SanctionsService } from './sanctions.service';

/** R9: sanctions on reported accounts, their statement of reasons (R2), CS lifts and appeals. */
@Module({
  imports: [SanctionStoreModule, ReportStoreModule, OpenChatsModule, UsersModule, ReporterStandingModule, NoticesModule, TemporalModule],
  controllers: [RestrictionsController, SanctionActionsController],
  providers: [LadderPolicy, SanctionsService, ContentTakedowns, SanctionWorkflows, RestrictionsService, SanctionActionsService],
  exports: [SanctionsService, SanctionWorkflows, ContentTakedowns],
})
export class SanctionsModule {}
