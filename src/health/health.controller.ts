import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, MongooseHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Connection } from 'mongoose';
import { TemporalPing } from '../temporal/temporal-ping.service';
import { TemporalHealthIndicator } from './temporal.health';
import { PublicRoute } from '../auth/access.decorator';

type DependencyState = 'up' | 'down';

export interface HealthView {
  status: 'ok' | 'unavailable';
  temporal: DependencyState;
  mongo: DependencyState;
}

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    @InjectConnection() private readonly mongo: Connection,
    private readonly temporal: TemporalPing,
    private readonly health: HealthCheckService,
    private readonly mongoIndicator: MongooseHealthIndicator,
    private readonly temporalIndicator: TemporalHealthIndicator,
  ) {}

  /** Liveness: the process answers; restart it only when this fails, not when a dependency is down. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness (terminus shape): 503 with `error.temporal` / `error.mongo` naming what does not answer. */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response) {
    try {
      return await this.health.check([() => this.temporalIndicator.isHealthy('temporal'), () => this.mongoIndicator.pingCheck('mongo', { timeout: 2_000 })]);
    } catch (error) {
      // Keep terminus' body for probes and dashboards instead of the API's `{code, message}` error shape.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse();
    }
  }

  /** 200 when both dependencies answer, 503 naming the one that does not. */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [temporal, mongo] = await Promise.all([probe(() => this.temporal.ping()), probe(() => this.pingMongo())]);
    const healthy = temporal === 'up' && mongo === 'up';
    response.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'unavailable', temporal, mongo };
  }

  private async pingMongo(): Promise<void> {
    if (!this.mongo.db) throw new Error('not connected');
    await this.mongo.db.admin().ping({ maxTimeMS: 2_000 });
  }
}

async function probe(check: () => Promise<void>): Promise<DependencyState> {
  try {
    await check();
    return 'up';
  } catch {
    return 'down';
  }
}
