import { Module } from '@nestjs/common';
import { TemporalModule } from '../temporal/temporal.module';
import { ReportWorkflows } from './report-workflows.service';

/** The report workflows' client, for the API's report, moderation and evidence routes. */
@Module({
  imports: [TemporalModule],
  providers: [ReportWorkflows],
  exports: [ReportWorkflows],
})
export class ReportWorkflowsModule {}
