import { Module } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '../config/app-config';
import { payloadDataConverter } from '../payload-encryption/payload-keys';
import { temporalConnectionOptions } from './connection-options';
import { CaseDecisionWorkflows } from './case-decision-workflows.service';
import { ReportWorkflows } from './report-workflows.service';
import { SanctionWorkflows } from './sanction-workflows.service';
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
    ReportWorkflows,
    CaseDecisionWorkflows,
    SanctionWorkflows,
    WorkflowStarts,
  ],
  exports: [ReportWorkflows, CaseDecisionWorkflows, SanctionWorkflows, WorkflowStarts, Client],
})
export class TemporalModule {}
