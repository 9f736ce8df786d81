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
