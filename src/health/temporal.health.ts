import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ReportWorkflows } from '../temporal/report-workflows.service';

/** Temporal answers its gRPC health check within the ping deadline. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly workflows: ReportWorkflows,
  ) {}

  async isHealthy(key = 'temporal') {
    const indicator = this.indicators.check(key);
    try {
      await this.workflows.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
