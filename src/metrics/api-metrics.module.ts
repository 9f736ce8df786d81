import { Module } from '@nestjs/common';
import { ReportStoreModule } from '../reports/report-store.module';
import { MetricsController } from './metrics.controller';
import { QueueDepthGauge } from './queue-depth.gauge';

/** The API's `/metrics` endpoint and the figures only it reports. */
@Module({ imports: [ReportStoreModule], controllers: [MetricsController], providers: [QueueDepthGauge] })
export class ApiMetricsModule {}
