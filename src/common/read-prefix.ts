/**
 * Reads documents kept at positions 0, 1, 2, ... under deterministic `_id`s until the first
 * missing one (or `max` found): the write-once lists of the key index and the block logs, read
 * by `_id` only (the one filter the embedded FerretDB serves from an index). Most lists are
 * empty or hold a handful, so positions are asked for in rounds of 1, 2, 4, then `maxRound` at
 * once: an empty list costs one read, a list of one costs three.
 */
export async function readPrefix<T>(read: (position: number) => Promise<T | null>, maxRound: number, max = Infinity): Promise<T[]> {
  const found: T[] = [];
  for (let from = 0, size = 1; found.length < max; from += size, size = Math.min(size * 2, maxRound)) {
    const round = await Promise.all(Array.from({ length: size }, (_, i) => read(from + i)));
    for (const item of round) {
      if (item === null) return found;
      found.push(item);
    }
  }
  return found;
}

/**
 * The first position without an entry, given that every position below `from` has one:
 * doubling steps until a miss, then a binary search, so O(log n) `_id` lookups however long
 * the list is (a chat’s messages, the queue feed). Entries are never removed and only written
 * right after an existing one, so "exists" holds for a prefix of positions and stays true once
 * seen.
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
