import { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { ActivityDeps, createActivities } from '../../activities';
import { NoticeDeliveryDeps, createNoticeDeliveryActivities } from '../../activities/notice-delivery.activities';
import { AppConfig } from '../config/app-config';
import { payloadDataConverter } from '../payload-encryption/payload-keys';
import { activityLogger } from '../common/logging';
import { CaseStore } from '../cases/case-store.service';
import { ChatsService } from '../chats/chats.service';
import { CsTicketsService } from '../customer-service/cs-tickets.service';
import { EvidenceService } from '../evidence/evidence.service';
import { BusinessMetrics } from '../metrics/business-metrics';
import { NoticeDeliveryLog } from '../notices/notice-delivery-log.service';
import { NoticesService } from '../notices/notices.service';
import { ReportNotices } from '../reports/report-notices.service';
import { ReporterStandingService } from '../reporter-standing/reporter-standing.service';
import { ReportStore } from '../reports/report-store.service';
import { SanctionsService } from '../sanctions/sanctions.service';
import { SanctionWorkflows } from '../sanctions/sanction-workflows.service';
import { ContentTakedowns } from '../sanctions/content-takedowns.service';
import { BlocksService } from '../users/blocks.service';

export function activityDepsFrom(app: INestApplicationContext): ActivityDeps {
  return {
    reports: app.get(ReportStore),
    cases: app.get(CaseStore),
    evidence: app.get(EvidenceService),
    chats: app.get(ChatsService),
    blocks: app.get(BlocksService),
    tickets: app.get(CsTicketsService),
    standing: app.get(ReporterStandingService),
    reportNotices: app.get(ReportNotices),
    sanctions: app.get(SanctionsService),
    sanctionWorkflows: app.get(SanctionWorkflows),
    takedowns: app.get(ContentTakedowns),
    metrics: app.get(BusinessMetrics),
    settings: { evidenceMaxMessages: app.get(AppConfig).evidenceMaxMessages },
    log: activityLogger(app.get(AppConfig)),
  };
}

export function noticeDeliveryDepsFrom(app: INestApplicationContext): NoticeDeliveryDeps {
  const config = app.get(AppConfig);
  return {
    notices: app.get(NoticesService),
    deliveryLog: app.get(NoticeDeliveryLog),
    webhook: config.noticeWebhook,
    attemptTimeoutMs: config.noticeDelivery.attemptTimeoutMs,
    log: activityLogger(config),
  };
}

/** The report task queue's activities: the lifecycle's steps (over `deps`) and the notice deliveries. */
export function reportQueueActivities(app: INestApplicationContext, deps: ActivityDeps = activityDepsFrom(app)): NonNullable<WorkerOptions['activities']> {
  return { ...createActivities(deps), ...createNoticeDeliveryActivities(noticeDeliveryDepsFrom(app)) };
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
    ...(config.workerIdentity ? { identity: config.workerIdentity } : {}),
    ...workerTuningOptions(config),
    // The report lifecycle's steps and the notice deliveries (their own workflow per notice).
    activities: reportQueueActivities(app),
    // Activity inputs and results, workflow results and timer/activity summaries leave encrypted.
    dataConverter: payloadDataConverter(config.payloadKeys),
    // On SIGTERM, in-flight activities get this long to finish before they are cancelled
    // (and then retried by another worker).
    shutdownGraceTime: '10s',
    ...workflows,
    ...overrides,
  });
}

/** The configured worker limits (unset ones keep the SDK defaults); the benchmark's baseline worker uses them too. */
export function workerTuningOptions(config: AppConfig): Partial<AppConfig['workerTuning']> {
  return Object.fromEntries(Object.entries(config.workerTuning).filter(([, value]) => value !== undefined));
}
