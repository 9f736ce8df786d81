import { firstMissing, readPrefix } from '../../src/common/read-prefix';

/** A list of `length` items at positions 0..length-1, counting the positions asked for. */
function list(length: number) {
  const asked: number[] = [];
  const read = (position: number) => {
    asked.push(position);
    return Promise.resolve(position < length ? `item${position}` : null);
  };
  return { asked, read };
}

test('an empty list costs one read, a list of one three (positions 0, then 1 and 2)', async () => {
  const empty = list(0);
  expect(await readPrefix(empty.read, 8)).toEqual([]);
  expect(empty.asked).toEqual([0]);
  const one = list(1);
  expect(await readPrefix(one.read, 8)).toEqual(['item0']);
  expect(one.asked).toEqual([0, 1, 2]);
});

test('a long list is read whole and in order, in rounds that grow to the largest allowed', async () => {
  const long = list(20);
  expect(await readPrefix(long.read, 4)).toEqual(Array.from({ length: 20 }, (_, i) => `item${i}`));
  // Rounds of 1, 2, 4, 4, 4, 4, 4: positions 0..22, each asked for once.
  expect(long.asked).toEqual(Array.from({ length: 23 }, (_, i) => i));
});

test('the list ends at its first gap, and reading stops once `max` are found', async () => {
  const gap = { read: (position: number) => Promise.resolve(position === 1 ? null : `item${position}`) };
  expect(await readPrefix(gap.read, 8)).toEqual(['item0']);
  const first = list(5);
  expect(await readPrefix(first.read, 4, 1)).toEqual(['item0']);
  expect(first.asked).toEqual([0]);
});

test.each([0, 1, 2, 3, 7, 8, 1000, 12345])(
  'the end of a list of %i entries (a chat’s messages, the queue feed) is found in O(log n) lookups',
  async (length) => {
    const lookups: number[] = [];
    const exists = async (position: number) => (lookups.push(position), position < length);
    expect(await firstMissing(exists, 0)).toBe(length);
    expect(lookups.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(length + 2)) + 2);
    // From a known position (a writer that already appended) it starts there.
    if (length > 3) expect(await firstMissing(async (p) => p < length, length - 3)).toBe(length);
  },
);
