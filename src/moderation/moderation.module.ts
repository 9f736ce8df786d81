import { Module } from '@nestjs/common';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { TemporalModule } from '../temporal/temporal.module';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

@Module({
  imports: [ReportStoreModule, TemporalModule, ReporterStandingModule],
  controllers: [ModerationController],
  providers: [ModerationService],
})
export class ModerationModule {}
