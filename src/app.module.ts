import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccountHistoryModule } from './account-history/account-history.module';
import { AuthModule } from './auth/auth.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { loggingModule } from './common/logging';
import { ConfigModule } from './config/config.module';
import { ConsoleModule } from './console/console.module';
import { CustomerServiceModule } from './customer-service/customer-service.module';
import { DatabaseModule } from './database/database.module';
import { CasesModule } from './cases/cases.module';
import { ChatsModule } from './chats/chats.module';
import { HealthModule } from './health/health.module';
import { ApiMetricsModule } from './api-metrics.module';
import { MetricsModule } from './metrics/metrics.module';
import { ModerationModule } from './moderation/moderation.module';
import { NoticesModule } from './notices/notices.module';
import { OpenChatsModule } from './open-chats/open-chats.module';
import { CodecModule } from './payload-encryption/codec.module';
import { ReporterStandingModule } from './reporter-standing/reporter-standing.module';
import { ReportNoticesModule } from './reports/report-notices.module';
import { ReportsModule } from './reports/reports.module';
import { SanctionsModule } from './sanctions/sanctions.module';
import { EnforcementModule } from './sanctions/enforcement.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule,
    AuthModule,
    loggingModule,
    MetricsModule,
    DatabaseModule,
    UsersModule,
    ChatsModule,
    OpenChatsModule,
    ReportsModule,
    ReporterStandingModule,
    NoticesModule,
    ReportNoticesModule,
    ModerationModule,
    CasesModule,
    AccountHistoryModule,
    CustomerServiceModule,
    CodecModule,
    SanctionsModule,
    EnforcementModule,
    HealthModule,
    ConsoleModule,
    ApiMetricsModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
