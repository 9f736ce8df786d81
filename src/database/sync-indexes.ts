import type { Connection } from 'mongoose';
import { ALL_MODELS } from './models';

export interface CollectionIndexes {
  collection: string;
  created: string[];
  dropped: string[];
  /** Every index after the run, as `name {key}`. */
  indexes: string[];
}

/**
 * Makes each collection's indexes match its schema: creates the missing ones and drops those
 * the schema no longer declares (mongoose `syncIndexes`). With `dryRun`, only reports the diff.
 */
export async function syncAllIndexes(connection: Connection, { dryRun = false } = {}): Promise<CollectionIndexes[]> {
  const results: CollectionIndexes[] = [];
  for (const { name, schema } of ALL_MODELS) {
    const model = connection.models[name] ?? connection.model(name, schema);
    // Collection first, in a dry run too (an empty collection changes no behaviour): listIndexes
    // on a missing collection fails on some servers.
    await model.createCollection().catch(() => undefined);
    const diff = await model.diffIndexes();
    const created = diff.toCreate.map((spec) => JSON.stringify(spec));
    const dropped = diff.toDrop.map(String);
    if (!dryRun) await model.syncIndexes();
    const indexes = (await model.collection.indexes()).map((ix) => `${ix.name} ${JSON.stringify(ix.key)}${ix.unique ? ' unique' : ''}`);
    results.push({ collection: model.collection.collectionName, created, dropped, indexes });
  }
  return results;
}
