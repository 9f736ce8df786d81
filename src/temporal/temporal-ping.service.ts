import { Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';

/** Whether Temporal answers its gRPC health check, for /health. */
@Injectable()
export class TemporalPing {
  constructor(private readonly connection: Connection) {}

  async ping(): Promise<void> {
    await this.connection.withDeadline(Date.now() + 2_000, () => this.connection.healthService.check({}));
  }
}
