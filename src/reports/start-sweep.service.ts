import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { RepeatingTask } from '../common/repeating-task';
import { AppConfig } from '../config/app-config';
import { BusinessMetrics } from '../metrics/business-metrics';
import { ReportWorkflows } from './report-workflows.service';
import { ReportStore } from './report-store.service';

/** Most candidates one pass looks at; the oldest first. */
const PASS_LIMIT = 50_000;
/** Candidates looked up in Temporal's visibility store per list call. */
const LOOKUP_BATCH = 100;

/**
 * Starts the workflows of reports that were stored but whose start after filing failed
 * (Temporal unreachable) or never ran (the API stopped in between): every START_SWEEP_INTERVAL,
 * each report still `received` START_SWEEP_GRACE after filing is started. Every API instance
 * sweeps; a start is once per report, so two instances sweeping one report start it once.
 *
 * A report stays `received` also when its workflow did start but no worker has run its first
 * steps yet (workers down, or behind a burst). Such reports are looked up in Temporal's
 * visibility store, a hundred per call, instead of started again one by one; each is looked up
 * once per instance: the ids found started are kept in memory (not on the report, which the
 * worker's steps write and the embedded FerretDB loses one of two concurrent updates to a
 * document), and forgotten once they leave `received`.
 */
@Injectable()
export class StartSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(StartSweep.name);
  private startedBefore = new Set<string>();
  private readonly passes: RepeatingTask;

  constructor(
    private readonly store: ReportStore,
    private readonly workflows: ReportWorkflows,
    private readonly metrics: BusinessMetrics,
    private readonly config: AppConfig,
  ) {
    this.passes = new RepeatingTask(
      () => this.sweep(),
      config.startSweep.intervalMs,
      (error) => this.log.warn(`start sweep stopped early, next one in ${config.startSweep.intervalMs} ms: ${error.message}`),
    );
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.passes.stop();
  }

  /** One pass; the number of workflows it started. Throws when Temporal or the database cannot be reached. */
  async sweep(): Promise<number> {
    const candidates = await this.store.receivedBefore(new Date(Date.now() - this.config.startSweep.graceMs), PASS_LIMIT);
    this.metrics.reportsReceivedPastGrace(candidates.length);
    this.startedBefore = new Set(candidates.filter((id) => this.startedBefore.has(id)));
    const unknown = candidates.filter((id) => !this.startedBefore.has(id));
    let started = 0;
    for (let i = 0; i < unknown.length && !this.passes.stopped; i += LOOKUP_BATCH) {
      const batch = unknown.slice(i, i + LOOKUP_BATCH);
      const withWorkflow = await this.workflows.withWorkflow(batch);
      for (const reportId of batch) {
        if (withWorkflow.has(reportId)) this.startedBefore.add(reportId);
        // Read one at a time by `_id`: the embedded FerretDB scans the collection for `$in`.
        else if (await this.startIfReceived(reportId)) started++;
      }
    }
    if (started > 0) this.log.log(`started ${started} report workflows whose start after filing had not happened`);
    return started;
  }

  /** True when this call started the workflow. Temporal unreachable ends the pass; any other failure is this report's. */
  private async startIfReceived(reportId: string): Promise<boolean> {
    const report = await this.store.find(reportId);
    if (report?.status !== 'received') return false;
    try {
      const started = await this.workflows.start(report);
      this.startedBefore.add(report._id);
      if (started) this.metrics.reportStartedBySweep();
      return started;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'TEMPORAL_UNAVAILABLE') throw error;
      this.log.warn(`report ${report._id}: workflow not started, next sweep tries again: ${(error as Error).message}`);
      return false;
    }
  }
}
