import { Global, Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { BusinessMetrics } from './business-metrics';
import { createMetricsRegistry } from './metrics-registry';

/** The registry and business counters, shared by the API and the worker containers. */
@Global()
@Module({
  providers: [{ provide: Registry, useFactory: createMetricsRegistry }, BusinessMetrics],
  exports: [Registry, BusinessMetrics],
})
export class MetricsModule {}
