import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RepeatingTask } from '../common/repeating-task';
import { QueueFeed } from '../queue-feed/queue-feed.service';
import type { QueueFeedEntry } from '../queue-feed/schemas/queue-feed-entry.schema';
import { ReportStore } from '../reports/report-store.service';
import type { Report } from '../reports/schemas/report.schema';
import { caseIdOf } from './case-id';
import type { QueueReport } from './case-queue';
import { CaseStore } from './case-store.service';
import type { CaseQueuePage } from './dto/case.views';
import { QueueState, QueueStateOptions } from './queue-state';
import { ReasonWeights } from './reason-weights';

/**
 * How long an entry is waited for when its write has not landed yet (entries are appended
 * before the write). Past it the write is taken as failed; a retry appends a new entry, and
 * the periodic reload repairs anything else.
 */
const PENDING_FOR_MS = 60_000;

interface Pending {
  entry: QueueFeedEntry;
  since: number;
}

/**
 * The moderation queue of this API instance, in memory. Loaded once with the queue's old reads
 * (every awaiting report, the events of their cases), then kept current by tailing the change
 * feed that the report and case stores append to, re-reading each changed report (by `_id`) or
 * case's events (by `caseId`): index lookups, while the queue's own reads return and sort every
 * awaiting report and its case's events (about a second per 10,000 reports on FerretDB).
 */
@Injectable()
export class QueueProjection implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(QueueProjection.name);
  /** Null until the first load; until then each page is computed from the database. */
  private state: QueueState | null = null;
  /** The next feed position to apply. */
  private cursor = 0;
  private pending = new Map<number, Pending>();
  private reloadedAt = 0;
  /** Catch-ups and the swap of a reloaded state run one at a time. */
  private lock: Promise<unknown> = Promise.resolve();
  private queuedCatchUp: Promise<void> | null = null;
  /** Polls the feed every QUEUE_FEED_POLL and reloads every QUEUE_PROJECTION_RELOAD; the first tick loads. */
  private readonly ticks: RepeatingTask;

  constructor(
    private readonly feed: QueueFeed,
    private readonly reports: ReportStore,
    private readonly cases: CaseStore,
    private readonly config: AppConfig,
    private readonly weights: ReasonWeights,
  ) {
    this.ticks = new RepeatingTask(
      () => this.tick(),
      config.queueProjection.pollMs,
      // The database may be down for a while: the next tick tries again, reads see the error.
      (error) => {
        if (!this.ticks.stopped) this.log.warn(`moderation queue not refreshed: ${error.message}`);
      },
    );
  }

  onApplicationBootstrap(): void {
    // In the background: the API answers (the old way) while the queue loads.
    this.ticks.start(0);
  }

  async onModuleDestroy(): Promise<void> {
    await this.ticks.stop();
    await this.lock;
  }

  /** Whether the queue is answered from memory yet. */
  get loaded(): boolean {
    return this.state !== null;
  }

  /**
   * A page from memory, null before the first load. It first applies what the feed announced
   * since the last poll (one `_id` lookup when nothing did), so whatever finished before the
   * request is in the answer: a moderator's own claim, a report that just entered review.
   */
  async page(options: QueueStateOptions): Promise<CaseQueuePage | null> {
    if (!this.state) return null;
    await this.catchUp();
    return this.state.page(options);
  }

  /** Applies the feed from the cursor. Callers arriving before a queued run starts share it: it starts after their writes. */
  catchUp(): Promise<void> {
    return (this.queuedCatchUp ??= this.exclusively(async () => {
      this.queuedCatchUp = null;
      await this.tail();
    }));
  }

  /**
   * Rebuilds the state with the full reads, off the lock (the old state keeps answering), then
   * applies again the entries of the last PENDING_FOR_MS: their writes may have landed after
   * the reads. Repairs what no entry announced (a process that died between entry and write).
   */
  async reload(): Promise<void> {
    const startedAt = Date.now();
    const end = await this.feed.end(this.cursor);
    const awaiting = await this.reports.awaitingReview();
    const events = await this.cases.eventsOfCases([...new Set(awaiting.map((r) => caseIdOf(r.target)))]);
    const next = new QueueState(this.weights.byReason);
    for (const report of awaiting) next.putReport(report, events.get(caseIdOf(report.target)) ?? []);
    const pending = new Map<number, Pending>();
    let position = await this.feed.firstSince(new Date(startedAt - PENDING_FOR_MS), end);
    position = await this.follow(next, position, pending, () => undefined);
    await this.exclusively(() => {
      this.state = next;
      this.cursor = position;
      this.pending = pending;
      this.reloadedAt = Date.now();
    });
    this.log.log(`moderation queue loaded: ${next.reportCount} awaiting reports in ${Date.now() - startedAt} ms`);
  }

  private async tail(): Promise<void> {
    const state = this.state!;
    for (const [position, { entry, since }] of this.pending) {
      if ((await this.apply(state, entry)) || Date.now() - since > PENDING_FOR_MS) this.pending.delete(position);
    }
    await this.follow(state, this.cursor, this.pending, (position) => (this.cursor = position));
  }

  /** Applies entries from `position` to the first missing one; returns that position. */
  private async follow(state: QueueState, position: number, pending: Map<number, Pending>, advanced: (position: number) => void): Promise<number> {
    for (let entry = await this.feed.entryAt(position); entry; entry = await this.feed.entryAt(position)) {
      if (!(await this.apply(state, entry))) pending.set(position, { entry, since: Date.now() });
      advanced(++position);
    }
    return position;
  }

  /**
   * Reads the entry's report or case again and puts what it finds in `state`; false while the
   * announced write has not landed (the entry's marker is not there yet).
   */
  private async apply(state: QueueState, entry: QueueFeedEntry): Promise<boolean> {
    if (entry.kind === 'report') {
      const report = await this.reports.find(entry.id);
      if (report?.status === 'awaiting_review') {
        const caseId = caseIdOf(report.target);
        state.putReport(queueReport(report), state.holdsCase(caseId) ? undefined : await this.cases.eventsOf(caseId));
      } else state.dropReport(entry.id);
      return !report || !entry.marker || report.timeline?.[entry.marker] !== undefined;
    }
    // A case without awaiting reports is not held; its events are read when a report arrives.
    if (!state.holdsCase(entry.id)) return true;
    const events = await this.cases.eventsOf(entry.id);
    state.setEvents(entry.id, events);
    return !entry.marker || events.some((e) => e._id === entry.marker);
  }

  private exclusively<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.lock.then(work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  private async tick(): Promise<void> {
    if (!this.state || Date.now() - this.reloadedAt >= this.config.queueProjection.reloadMs) await this.reload();
    else await this.catchUp();
  }
}

function queueReport(report: Report): QueueReport {
  const { _id, target, reasons, policyCategories, reviewOpenedAt, createdAt, evidence, reporterId, reportedUserId } = report;
  return { _id, target, reasons, policyCategories, reviewOpenedAt, createdAt, reporterId, reportedUserId, ...(evidence ? { evidence } : {}) };
}
