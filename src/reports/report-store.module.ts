import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { QueueFeedModule } from '../queue-feed/queue-feed.module';
import { ReportStore } from './report-store.service';
import { Report, ReportSchema } from './schemas/report.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Report.name, schema: ReportSchema }]), QueueFeedModule],
  providers: [ReportStore],
  exports: [ReportStore],
})
export class ReportStoreModule {}
