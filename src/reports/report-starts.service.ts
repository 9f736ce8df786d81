import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { ReportStatus } from '../../workflows/definitions';
import { ReportWorkflows } from './report-workflows.service';
import type { Report } from './schemas/report.schema';

/**
 * Starts under way in the background per API instance. Past it, filing waits for its start as
 * it did before starts left its path: a burst faster than Temporal takes starts slows the
 * filers down instead of piling up calls in memory (each would time out and be swept later).
 */
export const MAX_BACKGROUND_STARTS = 200;

/**
 * Starts the workflows of filed reports. Filing answers once the report is stored: the report
 * is the record that its lifecycle is owed (an outbox of one document), and the start follows
 * without the app backend waiting for it. A start that fails (Temporal unreachable) or never
 * runs (the API stopped in between) is made up by the start sweep (start-sweep.service.ts).
 * Starts are once per report (`START_ONCE`), so a start made twice starts one workflow.
 */
@Injectable()
export class ReportStarts implements BeforeApplicationShutdown {
  private readonly log = new Logger(ReportStarts.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly workflows: ReportWorkflows) {}

  /**
   * Starts the report's workflow in the background (waited for only while MAX_BACKGROUND_STARTS
   * are under way); a failure is logged and left to the sweep.
   */
  async startSoon(report: Report): Promise<void> {
    const start = this.workflows.start(report).then(
      () => undefined,
      (error) => this.leaveToSweep(report, error),
    );
    this.inFlight.add(start);
    void start.finally(() => this.inFlight.delete(start));
    if (this.inFlight.size > MAX_BACKGROUND_STARTS) await start;
  }

  /**
   * Starts the report's workflow and waits (at most `waitMs`) for the status its first steps
   * move the report to; null when that did not come (no worker, Temporal unreachable: the
   * report stays `received` and the sweep starts it if this start failed).
   */
  async startAndAwait(report: Report, waitMs: number): Promise<ReportStatus | null> {
    try {
      return await this.workflows.startAndAwaitPastReceived(report, waitMs);
    } catch (error) {
      this.leaveToSweep(report, error);
      return null;
    }
  }

  private leaveToSweep(report: Report, error: unknown): void {
    this.log.warn(`report ${report._id}: workflow not started yet, the start sweep will: ${(error as Error).message}`);
  }

  /**
   * Lets the starts under way finish before the Temporal connection closes (each is bounded by
   * TEMPORAL_RPC_TIMEOUT), so a rolling restart leaves the sweep nothing to do.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
