import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { ChatsModule } from '../chats/chats.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { UsersModule } from '../users/users.module';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportStoreModule } from './report-store.module';
import { ReportWorkflowsModule } from './report-workflows.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceExportsController } from './evidence-exports.controller';
import { EvidenceExports } from './evidence-exports.service';
import { EvidenceReads } from './evidence-reads.service';
import { ReportsController } from './reports.controller';
import { FilingRateLimitGuard } from './filing-rate-limit.guard';
import { ReportsService } from './reports.service';
import { ReportStarts } from './report-starts.service';
import { StartSweep } from './start-sweep.service';
import { TargetResolver } from './target-resolver.service';

@Module({
  imports: [
    // In memory, per API instance: N instances allow up to N times the limit (see the README).
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ throttlers: [{ name: 'default', limit: config.filingRateLimit.limit, ttl: config.filingRateLimit.windowMs }] }),
    }),
    ReportStoreModule,
    ReporterStandingModule,
    ReportWorkflowsModule,
    UsersModule,
    ChatsModule,
    OpenChatsModule,
    EvidenceModule,
  ],
  controllers: [ReportsController, EvidenceController, EvidenceExportsController],
  providers: [ReportsService, ReportStarts, StartSweep, TargetResolver, FilingRateLimitGuard, EvidenceReads, EvidenceExports],
  exports: [ReportsService],
})
export class ReportsModule {}
