import { Module } from '@nestjs/common';
import { MetricsController } from './metrics/metrics.controller';
import { QueueDepthGauge } from './reports/queue-depth.gauge';
import { ReportStoreModule } from './reports/report-store.module';

/** The API's `/metrics` endpoint and the figures only it reports. */
@Module({ imports: [ReportStoreModule], controllers: [MetricsController], providers: [QueueDepthGauge] })
export class ApiMetricsModule {}
