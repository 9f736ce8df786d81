import { Controller, Get, Res } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Connection } from 'mongoose';
import { ReportWorkflows } from '../temporal/report-workflows.service';

type DependencyState = 'up' | 'down';

export interface HealthView {
  status: 'ok' | 'unavailable';
  temporal: DependencyState;
  mongo: DependencyState;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectConnection() private readonly mongo: Connection,
    private readonly workflows: ReportWorkflows,
  ) {}

  /** 200 when both dependencies answer, 503 naming the one that does not. */
  @Get()
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const [temporal, mongo] = await Promise.all([probe(() => this.workflows.ping()), probe(() => this.pingMongo())]);
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
