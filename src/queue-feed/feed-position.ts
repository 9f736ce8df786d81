/** Feed entry ids are dense and sort as text: `qf-` and twelve digits. */
export function feedEntryId(position: number): string {
  return `qf-${String(position).padStart(12, '0')}`;
}

/**
 * The first position without an entry, given that every position below `from` has one:
 * doubling steps until a miss, then a binary search, so O(log n) `_id` lookups however long
 * the feed is. Entries are never removed and only written right after an existing one, so
 * "exists" holds for a prefix of positions and stays true once seen.
 */
export async function firstMissing(exists: (position: number) => Promise<boolean>, from: number): Promise<number> {
  if (!(await exists(from))) return from;
  let present = from;
  let step = 1;
  while (await exists(present + step)) {
    present += step;
    step *= 2;
  }
  let missing = present + step;
  while (missing - present > 1) {
    const middle = present + Math.floor((missing - present) / 2);
    if (await exists(middle)) present = middle;
    else missing = middle;
  }
  return missing;
}
