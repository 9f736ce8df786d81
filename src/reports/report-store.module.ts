import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KeyIndexModule } from '../common/key-index';
import { QueueFeedModule } from '../queue-feed/queue-feed.module';
import { ReportStore } from './report-store.service';
import { Report, ReportSchema } from './schemas/report.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: Report.name, schema: ReportSchema }]), QueueFeedModule, KeyIndexModule],
  providers: [ReportStore],
  exports: [ReportStore],
})
export class ReportStoreModule {}
