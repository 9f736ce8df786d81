import { Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { payloadDataConverter } from '../payload-encryption/payload-keys';
import { temporalConnectionOptions } from './connection-options';
import { TemporalPing } from './temporal-ping.service';
import { WorkflowStarts } from './workflow-starts.service';

@Module({
  providers: [
    // Lazy: the API boots (and /health reports it) while Temporal is still down.
    { provide: Connection, inject: [AppConfig], useFactory: (config: AppConfig) => Connection.lazy(temporalConnectionOptions(config)) },
    {
      provide: Client,
      inject: [Connection, AppConfig],
      // Encrypts inputs, update arguments and summaries; decrypts results and update answers.
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({ connection, namespace: config.temporalNamespace, dataConverter: payloadDataConverter(config.payloadKeys) }),
    },
    WorkflowStarts,
    TemporalPing,
  ],
  exports: [WorkflowStarts, TemporalPing, Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(private readonly connection: Connection) {}

  /** One connection per process, whichever feature modules use the client: closed here, once. */
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
