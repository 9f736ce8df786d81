import { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { ActivityDeps, createActivities } from '../../activities';
import { AppConfig } from '../config/app-config';
import { ChatsService } from '../chats/chats.service';
import { CsTicketsService } from '../customer-service/cs-tickets.service';
import { EvidenceService } from '../evidence/evidence.service';
import { ReportStore } from '../reports/report-store.service';
import { BlocksService } from '../users/blocks.service';
import { FriendshipsService } from '../users/friendships.service';
import { workerTuning } from './worker-tuning';

export function activityDepsFrom(app: INestApplicationContext): ActivityDeps {
  return {
    reports: app.get(ReportStore),
    friendships: app.get(FriendshipsService),
    evidence: app.get(EvidenceService),
    chats: app.get(ChatsService),
    blocks: app.get(BlocksService),
    tickets: app.get(CsTicketsService),
    settings: { evidenceMaxMessages: app.get(AppConfig).evidenceMaxMessages },
  };
}

export type WorkflowSource = Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;

/** A worker for the report task queue whose activities use the given Nest container. */
export async function createReportWorker(
  app: INestApplicationContext,
  connection: NativeConnection,
  workflows: WorkflowSource,
  overrides: Partial<WorkerOptions> = {},
): Promise<Worker> {
  const config = app.get(AppConfig);
  return Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    activities: createActivities(activityDepsFrom(app)),
    ...workerTuning(config),
    ...workflows,
    ...overrides,
  });
}
