import type { Model } from 'mongoose';
import { isDuplicateKey } from './database-errors';
import { insertValidated } from './insert-validated';

/** Inserts a write-once document; a duplicate key means it is already there. True if this call stored it. */
export async function insertOnce<T>(model: Model<T>, doc: T & { _id: string }): Promise<boolean> {
  try {
    await insertValidated(model, doc);
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}
