import type { Model } from 'mongoose';

/**
 * Inserts new documents in the form `create` stores them (the schema's casting, defaults,
 * version key and timestamps, then validation), written through the model's collection, which
 * waits for the connection as `create` does. What it leaves out is `save()`'s machinery:
 * hooks, change tracking and a parallel-save guard that captures a stack trace, which cost the
 * client more CPU than the driver's own insert (240-400 against 100-190 us per insert). For
 * write-once documents; this service defines no save middleware. `insert-validated.test.ts`
 * checks that a report, a notice and a case event are stored as `create` stores them.
 */
export async function insertValidated<T>(model: Model<T>, fields: object): Promise<T> {
  const [stored] = await storedForms(model, [fields]);
  await model.collection.insertOne(stored);
  return stored as T;
}

/**
 * Several at once, each stored even if others are already there (`ordered: false`); a
 * duplicate key fails the call after the others landed. One invalid document stores none:
 * `insertMany` would skip it and store the rest.
 */
export async function insertManyValidated<T>(model: Model<T>, fields: object[]): Promise<void> {
  const stored = await storedForms(model, fields);
  if (stored.length) await model.collection.insertMany(stored, { ordered: false });
}

async function storedForms<T>(model: Model<T>, fields: object[]): Promise<Record<string, unknown>[]> {
  const versionKey = model.schema.get('versionKey');
  const docs = fields.map((f) => {
    const doc = new model(f);
    if (versionKey) doc.set(versionKey, 0);
    // A method mongoose adds to the documents of schemas with timestamps; before validation,
    // as `save()` sets them, so a required `createdAt` is there.
    (doc as { initializeTimestamps?: () => void }).initializeTimestamps?.();
    return doc;
  });
  await Promise.all(docs.map((doc) => doc.validate()));
  // What the driver would serialise each document as: mongoose's own stored form.
  return docs.map((doc) => doc.toBSON() as Record<string, unknown>);
}
