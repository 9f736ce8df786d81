import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { insertValidated } from '../common/insert-validated';
import { ContentModerationState, RemovalOutcome, RestoreOutcome, contentModerationStateOf } from './content-moderation-state';
import { ContentModerationEvent, ContentRef, contentModerationEventId } from './schemas/content-moderation-event.schema';

/** Tries before giving up when other writers keep appending to the same content (the caller retries). */
const APPEND_ATTEMPTS = 10;

type NewEvent = Omit<ContentModerationEvent, '_id' | 'kind' | 'contentId' | 'seq' | 'at'>;

/**
 * Take-downs (R10) and restorations of Open Chat posts and comments, as an append-only log per
 * content item. Every write is an insert at the next seq, judged against the state the writer
 * read; a concurrent writer that took the seq first makes it a duplicate key, and the log is read
 * and judged again. Each write is keyed by its report or appeal, so a retried step writes nothing.
 */
@Injectable()
export class ContentModerationLog {
  constructor(@InjectModel(ContentModerationEvent.name) private readonly events: Model<ContentModerationEvent>) {}

  /**
   * Takes the content down for an approved report, once. Not when the sanction it goes with was
   * overturned on appeal first: that appeal already judged the content.
   */
  async remove(content: ContentRef, removal: { reportId: string; sanctionId: string; policy: string; statementOfReasons: string }): Promise<RemovalOutcome> {
    const state = await this.append(content, (current) => (removalOutcome(current, removal) ? null : { type: 'removed', ...removal }));
    return removalOutcome(state, removal) ?? 'removed';
  }

  /** An upheld appeal on the content's sanction puts it back; recorded even when it was not removed, so a later take-down for that sanction is refused. */
  async restore(content: ContentRef, restoration: { sanctionId: string; appealId: string }): Promise<RestoreOutcome> {
    const state = await this.append(content, (current) =>
      current.restoredBy.has(restoration.appealId) ? null : { type: 'restored', ...restoration, wasRemoved: current.removed !== null },
    );
    return state.restoredBy.get(restoration.appealId) ? 'restored' : 'not_removed';
  }

  async stateOf(content: ContentRef): Promise<ContentModerationState> {
    return (await this.statesOf([content])).get(content.id)!;
  }

  /** The state of each content item, by id. */
  async statesOf(contents: ContentRef[]): Promise<Map<string, ContentModerationState>> {
    const logs = await this.logsOf(contents);
    return new Map([...logs].map(([id, log]) => [id, contentModerationStateOf(log)]));
  }

  /**
   * Each content item's log (by id), in seq order, by `_id` reads only (the embedded FerretDB
   * indexes nothing else): one `$in` read per seq position, so a page of never-moderated posts is
   * one read.
   */
  async logsOf(contents: ContentRef[]): Promise<Map<string, ContentModerationEvent[]>> {
    const logs = new Map<string, ContentModerationEvent[]>(contents.map((c) => [c.id, []]));
    let open = contents;
    for (let seq = 0; open.length > 0; seq++) {
      const found = await this.events.find({ _id: { $in: open.map((c) => contentModerationEventId(c, seq)) } }).lean();
      for (const event of found) logs.get(event.contentId)?.push(event);
      const continuing = new Set(found.map((event) => event.contentId));
      open = open.filter((c) => continuing.has(c.id));
    }
    return logs;
  }

  /** Appends what `next` judges from the current state (null: nothing to write), and returns the state after it. */
  private async append(content: ContentRef, next: (state: ContentModerationState) => NewEvent | null): Promise<ContentModerationState> {
    for (let attempt = 1; ; attempt++) {
      const log = await this.log(content);
      const fields = next(contentModerationStateOf(log));
      if (!fields) return contentModerationStateOf(log);
      const seq = log.length;
      const event: ContentModerationEvent = {
        _id: contentModerationEventId(content, seq),
        kind: content.kind,
        contentId: content.id,
        seq,
        at: new Date(),
        ...fields,
      };
      try {
        await insertValidated(this.events, event);
        return contentModerationStateOf([...log, event]);
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async log(content: ContentRef): Promise<ContentModerationEvent[]> {
    const events: ContentModerationEvent[] = [];
    for (let seq = 0; ; seq++) {
      const event = await this.events.findById(contentModerationEventId(content, seq)).lean();
      if (!event) return events;
      events.push(event);
    }
  }
}

/** What a take-down for this report finds without writing: done already, or not to be done; undefined when it is to be written. */
function removalOutcome(state: ContentModerationState, removal: { reportId: string; sanctionId: string }): RemovalOutcome | undefined {
  if (state.removedFor.has(removal.reportId)) return 'removed';
  if (state.restoredFor.has(removal.sanctionId)) return 'overturned_on_appeal';
  if (state.removed) return 'already_removed';
  return undefined;
}

/** 404 for a post hidden from the viewer: it was taken down (R10); the answer says nothing of who reported it (R2). */
export function contentRemoved(postId: string): ApiError {
  return ApiError.notFound('CONTENT_REMOVED', `Post ${postId} was removed for violating the operation policy.`);
}
