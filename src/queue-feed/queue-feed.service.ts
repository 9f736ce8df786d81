import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '../common/database-errors';
import { insertValidated } from '../common/insert-validated';
import { firstMissing } from '../common/read-prefix';
import { feedEntryId } from './feed-position';
import { QueueFeedEntry, QueueFeedKind } from './schemas/queue-feed-entry.schema';

/** Positions taken by other writers in a row before an append gives up (it is retried by its caller). */
const APPEND_ATTEMPTS = 50;

/**
 * The queue's change feed: writers append, API instances tail it to keep their in-memory queue
 * current. Every read and write is a single-`_id` lookup or insert, the only operations the
 * embedded FerretDB serves from an index; inserts under a deterministic id are also the only
 * writes it never loses, so writers race for a position and the loser takes the next one.
 */
@Injectable()
export class QueueFeed {
  /** Where this process appends next; learnt once by probing, then kept. */
  private next: number | null = null;
  /** One append at a time per process: position n is only written once n - 1 is known to exist, so the feed has no holes. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(@InjectModel(QueueFeedEntry.name) private readonly entries: Model<QueueFeedEntry>) {}

  /**
   * Announces that the report or case `id` is about to change. Callers append before the write
   * (see `marker`) and again on every retry, so a write that lands is always announced.
   */
  append(kind: QueueFeedKind, id: string, marker?: string): Promise<number> {
    const run = this.writing.then(() => this.insertAtEnd({ kind, id, at: new Date(), ...(marker ? { marker } : {}) }));
    this.writing = run.catch(() => undefined);
    return run;
  }

  entryAt(position: number): Promise<QueueFeedEntry | null> {
    return this.entries.findById(feedEntryId(position)).lean<QueueFeedEntry>().exec();
  }

  /** The first free position; every position below `from` must be known to exist. */
  end(from = 0): Promise<number> {
    return firstMissing(async (position) => (await this.entries.findById(feedEntryId(position), { _id: 1 }).lean().exec()) !== null, from);
  }

  /**
   * The first position below `end` whose entry was written at or after `since` (binary search;
   * writers' clocks make `at` only nearly ordered, which callers allow for with a margin).
   */
  async firstSince(since: Date, end: number): Promise<number> {
    let low = 0;
    let high = end;
    while (low < high) {
      const middle = low + Math.floor((high - low) / 2);
      const entry = await this.entryAt(middle);
      if (entry && entry.at.getTime() >= since.getTime()) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  private async insertAtEnd(entry: Omit<QueueFeedEntry, '_id'>): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const position = this.next ?? (this.next = await this.end(0));
      try {
        await insertValidated(this.entries, { _id: feedEntryId(position), ...entry });
        this.next = position + 1;
        return position;
      } catch (error) {
        // Another process took this position: find the end again (O(log n) lookups) and retry.
        // On any other error the position is kept: if the insert landed after all, the retry finds it taken.
        if (!isDuplicateKey(error) || attempt >= APPEND_ATTEMPTS) throw error;
        this.next = await this.end(position + 1);
      }
    }
  }
}
