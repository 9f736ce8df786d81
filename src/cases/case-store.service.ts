import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ReportTarget } from '../../workflows/definitions';
import { isDuplicateKey } from '../common/database-errors';
import { insertValidated } from '../common/insert-validated';
import { readPrefix } from '../common/read-prefix';
import { QueueFeed } from '../queue-feed/queue-feed.service';
import { caseIdOf } from './case-id';
import { CaseStatus, caseStatusOf } from './case-status';
import { CaseEvent, caseEventId } from './schemas/case-event.schema';
import { ModerationCase } from './schemas/moderation-case.schema';

/** An event to append, before the store gives it its id, seq and time. */
export type NewCaseEvent = Pick<CaseEvent, 'type' | 'moderatorId'> & Partial<Pick<CaseEvent, 'expiresAt' | 'decision' | 'withdraws'>>;

/** Tries before giving up when other moderators keep appending to the same case. */
const APPEND_ATTEMPTS = 5;
/** Events read at once at most while reading a case (most cases have none or a few). */
const MAX_READ = 8;

/** Cases and their append-only events; shared by the API and the worker's activities. */
@Injectable()
export class CaseStore {
  constructor(
    @InjectModel(ModerationCase.name) private readonly cases: Model<ModerationCase>,
    @InjectModel(CaseEvent.name) private readonly events: Model<CaseEvent>,
    private readonly queueFeed: QueueFeed,
  ) {}

  /** Creates the target's case once; every later call (any report, any process) finds it there. */
  async ensureCase(target: ReportTarget, reportedUserId: string): Promise<string> {
    const _id = caseIdOf(target);
    try {
      await insertValidated(this.cases, { _id, target: { kind: target.kind, id: target.id }, reportedUserId, createdAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return _id;
  }

  find(caseId: string): Promise<ModerationCase | null> {
    return this.cases.findById(caseId).lean();
  }

  /** The case's events in seq order, read by `_id` (they fill seqs 0, 1, 2, ...): an empty case costs one read. */
  eventsOf(caseId: string): Promise<CaseEvent[]> {
    return readPrefix((seq) => this.events.findById(caseEventId(caseId, seq)).lean<CaseEvent>(), MAX_READ);
  }

  async statusOf(caseId: string, now = new Date()): Promise<CaseStatus> {
    return caseStatusOf(await this.eventsOf(caseId), now);
  }

  /**
   * Events of many cases in one query, grouped by case in seq order: loading a queue reads the
   * events of every awaiting case at once (a scan on the embedded FerretDB, one per load).
   */
  async eventsOfCases(caseIds: string[]): Promise<Map<string, CaseEvent[]>> {
    const grouped = new Map<string, CaseEvent[]>();
    if (caseIds.length === 0) return grouped;
    const rows = await this.events
      .find({ caseId: { $in: caseIds } })
      .sort({ caseId: 1, seq: 1 })
      .lean();
    for (const row of rows) {
      const list = grouped.get(row.caseId) ?? [];
      list.push(row);
      grouped.set(row.caseId, list);
    }
    return grouped;
  }

  /**
   * Appends the event `next` builds from the current status, or rethrows what it throws (a
   * refusal). A concurrent append takes the same seq and wins the key: the status is read
   * again and `next` judges anew, so two moderators claiming at once end with one claim.
   */
  async append(caseId: string, next: (status: CaseStatus, now: Date) => NewCaseEvent): Promise<{ event: CaseEvent; status: CaseStatus }> {
    for (let attempt = 1; ; attempt++) {
      const events = await this.eventsOf(caseId);
      const now = new Date();
      const status = caseStatusOf(events, now);
      const event: CaseEvent = { ...next(status, now), _id: caseEventId(caseId, status.eventCount), caseId, seq: status.eventCount, at: now };
      // Announced before the insert (see QueueFeed): the queue projections read the case again.
      await this.queueFeed.append('case', caseId, event._id);
      try {
        await insertValidated(this.events, event);
        return { event, status: caseStatusOf([...events, event], now) };
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Takes back a decision whose delivery could not be started (Temporal did not accept its
   * workflow) with a withdrawal event: the log stays write-once, and the case reads as if the
   * decision had not been taken.
   */
  async withdraw(decision: CaseEvent): Promise<void> {
    await this.append(decision.caseId, () => ({ type: 'withdrawal', moderatorId: decision.moderatorId, withdraws: decision._id }));
  }
}
