import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '../common/insert-once';
import { AppealDecision, SanctionAppeal } from './schemas/sanction-appeal.schema';
import { SanctionEvent, SanctionEventKind, sanctionEventId } from './schemas/sanction-event.schema';
import { Sanction } from './schemas/sanction.schema';

/** A sanction with everything written about it since: its events, its appeal and the appeal's decision. */
export interface SanctionRecord {
  sanction: Sanction;
  events: SanctionEvent[];
  appeal?: SanctionAppeal;
  appealDecision?: AppealDecision;
}

/**
 * The sanction collections. Every write is an insert with a deterministic `_id` (a duplicate
 * key means "already done"): no document is ever updated, so no update can be lost.
 */
@Injectable()
export class SanctionStore {
  constructor(
    @InjectModel(Sanction.name) private readonly sanctions: Model<Sanction>,
    @InjectModel(SanctionEvent.name) private readonly events: Model<SanctionEvent>,
    @InjectModel(SanctionAppeal.name) private readonly appeals: Model<SanctionAppeal>,
    @InjectModel(AppealDecision.name) private readonly decisions: Model<AppealDecision>,
  ) {}

  /** Inserts the sanction unless one with its id exists; either way returns the stored one. */
  async insert(sanction: Sanction): Promise<Sanction> {
    // Stored as given (the schema adds no defaults): only a sanction already there is read back.
    if (await insertOnce(this.sanctions, sanction)) return sanction;
    return (await this.find(sanction._id))!;
  }

  find(sanctionId: string): Promise<Sanction | null> {
    return this.sanctions.findById(sanctionId).lean();
  }

  /** The account's sanctions issued since `since`, newest first. */
  forUser(userId: string, since = new Date(0)): Promise<Sanction[]> {
    return this.sanctions.find({ userId, startsAt: { $gte: since } }).sort({ startsAt: -1, _id: 1 }).limit(500).lean();
  }

  async records(sanctions: Sanction[]): Promise<SanctionRecord[]> {
    // Most accounts have no earlier sanction: the ladder then needs no further read.
    if (!sanctions.length) return [];
    const ids = sanctions.map((s) => s._id);
    const [events, appeals] = await Promise.all([
      this.events.find({ sanctionId: { $in: ids } }).lean(),
      this.appeals.find({ sanctionId: { $in: ids } }).lean(),
    ]);
    const decisions = appeals.length ? await this.decisions.find({ _id: { $in: appeals.map((a) => a._id) } }).lean() : [];
    return sanctions.map((sanction) => {
      const appeal = appeals.find((a) => a.sanctionId === sanction._id);
      return {
        sanction,
        events: events.filter((e) => e.sanctionId === sanction._id),
        ...(appeal ? { appeal } : {}),
        ...(appeal && decisions.find((d) => d._id === appeal._id) ? { appealDecision: decisions.find((d) => d._id === appeal._id) } : {}),
      };
    });
  }

  async record(sanctionId: string): Promise<SanctionRecord | null> {
    const sanction = await this.find(sanctionId);
    return sanction ? (await this.records([sanction]))[0] : null;
  }

  /** Records an event once; returns false if it was already there. */
  async addEvent(sanctionId: string, kind: SanctionEventKind, fields: Partial<SanctionEvent> = {}): Promise<boolean> {
    return insertOnce(this.events, { _id: sanctionEventId(sanctionId, kind), sanctionId, kind, at: new Date(), ...fields });
  }

  /** Files the sanction's one appeal; false if it already has one. */
  fileAppeal(appeal: SanctionAppeal): Promise<boolean> {
    return insertOnce(this.appeals, appeal);
  }

  findAppeal(appealId: string): Promise<SanctionAppeal | null> {
    return this.appeals.findById(appealId).lean();
  }

  listAppeals(limit: number): Promise<SanctionAppeal[]> {
    return this.appeals.find().sort({ filedAt: 1, _id: 1 }).limit(limit).lean();
  }

  decideAppeal(decision: AppealDecision): Promise<boolean> {
    return insertOnce(this.decisions, decision);
  }

  findAppealDecision(appealId: string): Promise<AppealDecision | null> {
    return this.decisions.findById(appealId).lean();
  }

  decisionsOf(appealIds: string[]): Promise<AppealDecision[]> {
    return this.decisions.find({ _id: { $in: appealIds } }).lean();
  }
}
