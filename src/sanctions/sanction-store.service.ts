import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { insertOnce } from '../common/insert-once';
import { KeyIndex } from '../common/key-index';
import { AppealPosition, afterAppeal } from './appeal-cursor';
import { AppealDecision, SanctionAppeal, appealIdOf } from './schemas/sanction-appeal.schema';
import { SANCTION_EVENT_KINDS, SanctionEvent, SanctionEventKind, sanctionEventId } from './schemas/sanction-event.schema';
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
    private readonly keys: KeyIndex,
  ) {}

  /** Inserts the sanction unless one with its id exists; either way returns the stored one. */
  async insert(sanction: Sanction): Promise<Sanction> {
    // Listed under its account first (see KeyIndex): the R9 ladder reads an account's sanctions.
    await this.keys.add(sanctionsOfKey(sanction.userId), sanction._id);
    // Stored as given (the schema adds no defaults): only a sanction already there is read back.
    if (await insertOnce(this.sanctions, sanction)) return sanction;
    return (await this.find(sanction._id))!;
  }

  find(sanctionId: string): Promise<Sanction | null> {
    return this.sanctions.findById(sanctionId).lean();
  }

  /** The account's sanctions issued since `since`, newest first. */
  async forUser(userId: string, since = new Date(0)): Promise<Sanction[]> {
    const found = await Promise.all((await this.keys.list(sanctionsOfKey(userId))).map((id) => this.find(id)));
    return found
      .filter((s): s is Sanction => s !== null && s.userId === userId && s.startsAt.getTime() >= since.getTime())
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a._id < b._id ? -1 : 1))
      .slice(0, 500);
  }

  async records(sanctions: Sanction[]): Promise<SanctionRecord[]> {
    // Most accounts have no earlier sanction: the ladder then needs no further read.
    if (!sanctions.length) return [];
    // Every one of these ids derives from the sanction's: `_id` reads only (see KeyIndex for why).
    const ids = sanctions.map((s) => s._id);
    const [events, appeals] = await Promise.all([
      present(ids.flatMap((id) => SANCTION_EVENT_KINDS.map((kind) => this.events.findById(sanctionEventId(id, kind)).lean()))),
      present(ids.map((id) => this.appeals.findById(appealIdOf(id)).lean())),
    ]);
    const decisions = await present(appeals.map((a) => this.decisions.findById(a._id).lean()));
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

  /**
   * One page of appeals in the status asked, oldest first. The status is derived from the
   * decisions (write-once, `_id` = appeal id), so it becomes part of the query before the page
   * is cut: every pending appeal is reachable however many were decided (DSA Art. 20).
   */
  async pageAppeals(query: { status?: AppealDecision['outcome'] | 'pending'; after?: AppealPosition; limit: number }): Promise<SanctionAppeal[]> {
    const filter: Record<string, unknown> = query.after ? afterAppeal(query.after) : {};
    if (query.status === 'pending') filter._id = { $nin: await this.decidedAppealIds() };
    else if (query.status) filter._id = { $in: await this.decidedAppealIds(query.status) };
    return this.appeals.find(filter).sort({ filedAt: 1, _id: 1 }).limit(query.limit).lean();
  }

  private async decidedAppealIds(outcome?: AppealDecision['outcome']): Promise<string[]> {
    const rows = await this.decisions.find(outcome ? { outcome } : {}, { _id: 1 }).lean();
    return rows.map((row) => row._id);
  }

  decideAppeal(decision: AppealDecision): Promise<boolean> {
    return insertOnce(this.decisions, decision);
  }

  findAppealDecision(appealId: string): Promise<AppealDecision | null> {
    return this.decisions.findById(appealId).lean();
  }

  decisionsOf(appealIds: string[]): Promise<AppealDecision[]> {
    return present(appealIds.map((id) => this.findAppealDecision(id)));
  }
}

function sanctionsOfKey(userId: string): string {
  return `sanctions-of:${userId}`;
}

async function present<T>(reads: Array<PromiseLike<T | null>>): Promise<T[]> {
  return (await Promise.all(reads)).filter((doc): doc is Awaited<T> => doc !== null);
}
