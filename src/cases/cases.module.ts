import { Module } from '@nestjs/common';
import { AccountHistoryModule } from '../account-history/account-history.module';
import { ChatsModule } from '../chats/chats.module';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { QueueFeedModule } from '../queue-feed/queue-feed.module';
import { TemporalModule } from '../temporal/temporal.module';
import { CaseActions } from './case-actions.service';
import { CaseDecisionWorkflows } from './case-decision-workflows.service';
import { CaseStoreModule } from './case-store.module';
import { CaseViews } from './case-views.service';
import { ContentPreview } from './content-preview';
import { CasesController } from './cases.controller';
import { QueueProjection } from './queue-projection.service';
import { ReasonWeights } from './reason-weights';

@Module({
  imports: [AccountHistoryModule, ChatsModule, OpenChatsModule, CaseStoreModule, ReportStoreModule, QueueFeedModule, TemporalModule],
  controllers: [CasesController],
  providers: [ReasonWeights, ContentPreview, CaseViews, CaseActions, CaseDecisionWorkflows, QueueProjection],
})
export class CasesModule {}
