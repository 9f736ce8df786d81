import { Module } from '@nestjs/common';
import { ChatsModule } from '../chats/chats.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { TemporalModule } from '../temporal/temporal.module';
import { UsersModule } from '../users/users.module';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportStoreModule } from './report-store.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { TargetResolver } from './target-resolver.service';

@Module({
  imports: [ReportStoreModule, ReporterStandingModule, TemporalModule, UsersModule, ChatsModule, OpenChatsModule, EvidenceModule],
  controllers: [ReportsController],
  providers: [ReportsService, TargetResolver],
  exports: [ReportsService],
})
export class ReportsModule {}
