import type { Connection } from 'mongoose';

/** The pair's block events in seq order (R5, R7, R8), read straight from the database. */
export async function blockLog(mongo: Connection, blockerId: string, blockedUserId: string) {
  return mongo.collection('block_events').find({ blockerId, blockedUserId }).sort({ seq: 1 }).toArray();
}

export async function blockEventTypes(mongo: Connection, blockerId: string, blockedUserId: string): Promise<string[]> {
  return (await blockLog(mongo, blockerId, blockedUserId)).map((e) => e.type as string);
}
