import { Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { temporalConnectionOptions } from './connection-options';
import { ReportWorkflows } from './report-workflows.service';
import { SanctionWorkflows } from './sanction-workflows.service';

@Module({
  providers: [
    // Lazy: the API boots (and /health reports it) while Temporal is still down.
    { provide: Connection, inject: [AppConfig], useFactory: (config: AppConfig) => Connection.lazy(temporalConnectionOptions(config)) },
    {
      provide: Client,
      inject: [Connection, AppConfig],
      useFactory: (connection: Connection, config: AppConfig) => new Client({ connection, namespace: config.temporalNamespace }),
    },
    ReportWorkflows,
    SanctionWorkflows,
  ],
  exports: [ReportWorkflows, SanctionWorkflows],
})
export class TemporalModule {}
