import { Module } from '@nestjs/common';
import { CaseStoreModule } from '../cases/case-store.module';
import { ReporterStandingModule } from '../reporter-standing/reporter-standing.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { ReportWorkflowsModule } from '../reports/report-workflows.module';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

@Module({
  imports: [CaseStoreModule, ReportStoreModule, ReportWorkflowsModule, ReporterStandingModule],
  controllers: [ModerationController],
  providers: [ModerationService],
})
export class ModerationModule {}
