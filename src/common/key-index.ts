import { Injectable, Module } from '@nestjs/common';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from './database-errors';
import { insertValidated } from './insert-validated';
import { readPrefix } from './read-prefix';

/**
 * One entry of a lookup key's list: which document (`ref`) belongs to the key, written once at
 * position n under the id `<key>#<n>`. The embedded FerretDB serves a filter from an index only
 * when it is `{ _id: value }`, and reads the whole collection for any other equality filter, so
 * "the reports on this target" or "this user's sanctions" are read through these entries instead.
 */
@Schema({ collection: 'key_index', versionKey: false })
export class KeyIndexEntry {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  key: string;

  @Prop({ required: true })
  ref: string;
}

export const KeyIndexEntrySchema = SchemaFactory.createForClass(KeyIndexEntry);

export function keyIndexEntryId(key: string, position: number): string {
  return `${key}#${String(position).padStart(6, '0')}`;
}

/** Positions read at once at most while listing a key (see readPrefix: an empty list costs one read). */
const MAX_READ = 8;
/** Positions taken by concurrent writers in a row before `add` gives up (its caller retries). */
const ADD_ATTEMPTS = 20;

/**
 * Lists of document ids under a key, kept with `_id` reads and inserts only. An entry is never
 * changed or removed, and position n is written only by a writer that has read positions 0 to
 * n - 1, so a key's entries fill a prefix of positions and a list ends at its first gap. Two
 * writers racing for a position both insert under the same id: the database keeps one, and the
 * other reads the list again and takes the next position (concurrent updates of one document
 * could lose one of them on FerretDB; concurrent inserts of one id cannot).
 */
@Injectable()
export class KeyIndex {
  constructor(@InjectModel(KeyIndexEntry.name) private readonly entries: Model<KeyIndexEntry>) {}

  /** The refs listed under `key`, in the order they were added (each once). */
  async list(key: string): Promise<string[]> {
    return [...new Set(await this.listAll(key))];
  }

  /**
   * Lists `ref` under `key` unless it is there already; safe to repeat. Callers add before they
   * store the document itself, so a crash in between leaves an entry whose document is missing,
   * which readers skip, never a document its key does not list. Most keys are new (the first
   * report on a target, a first strike), so position 0 is tried before any read: it needs none
   * (no position before it), and taken, it is a duplicate key like any lost race.
   */
  async add(key: string, ref: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let position = 0;
      if (attempt > 0) {
        const refs = await this.listAll(key);
        if (refs.includes(ref)) return;
        position = refs.length;
      }
      try {
        await insertValidated(this.entries, { _id: keyIndexEntryId(key, position), key, ref });
        return;
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= ADD_ATTEMPTS) throw error;
      }
    }
  }

  /** As `list`, but with repeats kept: the length is the next free position. */
  private async listAll(key: string): Promise<string[]> {
    const entries = await readPrefix((position) => this.entries.findById(keyIndexEntryId(key, position), { ref: 1 }).lean(), MAX_READ);
    return entries.map((entry) => entry.ref);
  }
}

@Module({
  imports: [MongooseModule.forFeature([{ name: KeyIndexEntry.name, schema: KeyIndexEntrySchema }])],
  providers: [KeyIndex],
  exports: [KeyIndex],
})
export class KeyIndexModule {}
