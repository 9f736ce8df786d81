import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { TemporalPing } from '../temporal/temporal-ping.service';

/** Temporal answers its gRPC health check within the ping deadline. */
@Injectable()
export class TemporalHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalPing,
  ) {}

  async isHealthy(key = 'temporal') {
    const indicator = this.indicators.check(key);
    try {
      await this.temporal.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
