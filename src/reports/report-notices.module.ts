import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { ReportNotices } from './report-notices.service';

/** What the reporter is told about their report, written to the notices outbox (R9). */
@Module({
  imports: [NoticesModule],
  providers: [ReportNotices],
  exports: [ReportNotices],
})
export class ReportNoticesModule {}
