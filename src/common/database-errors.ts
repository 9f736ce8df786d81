/** Errors that mean "the database is not reachable", as opposed to a bug or bad data. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return (
    ['MongoServerSelectionError', 'MongoNetworkError', 'MongoNotConnectedError', 'MongooseServerSelectionError'].includes(name) ||
    /buffering timed out/.test(String((error as Error)?.message ?? ''))
  );
}

/** Duplicate key on insert: the document with this deterministic id already exists. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === 11000;
}
