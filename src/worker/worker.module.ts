import { Module } from '@nestjs/common';
import { CaseStoreModule } from '../cases/case-store.module';
import { ChatsModule } from '../chats/chats.module';
import { loggingModule } from '../common/logging';
import { ConfigModule } from '../config/config.module';
import { CustomerServiceModule } from '../customer-service/customer-service.module';
import { MetricsModule } from '../metrics/metrics.module';
import { NoticesModule } from '../notices/notices.module';
import { DatabaseModule } from '../database/database.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportNoticesModule } from '../reports/report-notices.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { EnforcementModule } from '../sanctions/enforcement.module';
import { UsersModule } from '../users/users.module';

/** The services the activities use: the same providers as the API, without its HTTP side (the Temporal client starts sanction workflows). */
@Module({
  imports: [
    ConfigModule,
    loggingModule,
    MetricsModule,
    DatabaseModule,
    UsersModule,
    ChatsModule,
    EvidenceModule,
    ReportStoreModule,
    CaseStoreModule,
    ReporterStandingModule,
    CustomerServiceModule,
    NoticesModule,
    ReportNoticesModule,
    SanctionsModule,
    EnforcementModule,
  ],
})
export class WorkerModule {}
