import { Document, MongoClient } from 'mongodb';
import { messageIdAt } from '../../src/chats/schemas/message.schema';

/** A document written as is, under the deterministic string `_id` the service would give it. */
export type SeedDocument = Document & { _id: string };

/**
 * Users, 1:1 chats and one message each (by the user to be reported), written directly: the
 * benchmark measures reports, not sign-ups.
 */
export async function seedChats(mongo: MongoClient, runId: string, count: number): Promise<Array<{ reporterId: string; messageId: string }>> {
  const db = mongo.db();
  const now = new Date(Date.now() - 60_000);
  const targets: Array<{ reporterId: string; messageId: string }> = [];
  for (let start = 0; start < count; start += 500) {
    const ids = Array.from({ length: Math.min(500, count - start) }, (_, k) => `${runId}-b${start + k}`);
    await db.collection<SeedDocument>('users').insertMany(
      ids.flatMap((id) => [
        { _id: `rep-${id}`, displayName: 'Reporter', createdAt: now },
        { _id: `usr-${id}`, displayName: 'Reported', createdAt: now },
      ]),
    );
    await db
      .collection<SeedDocument>('chats')
      .insertMany(ids.map((id) => ({ _id: `chat-${id}`, memberIds: [`rep-${id}`, `usr-${id}`], deletedFor: [], createdAt: now, updatedAt: now })));
    await db
      .collection<SeedDocument>('messages')
      .insertMany(ids.map((id) => ({ _id: messageIdAt(`chat-${id}`, 0), chatId: `chat-${id}`, senderId: `usr-${id}`, text: 'reported message', sentAt: now })));
    targets.push(...ids.map((id) => ({ reporterId: `rep-${id}`, messageId: messageIdAt(`chat-${id}`, 0) })));
  }
  return targets;
}
