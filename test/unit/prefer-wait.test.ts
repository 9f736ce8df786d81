import { MAX_PREFERRED_WAIT_SECONDS, preferredWaitSeconds } from '../../src/common/prefer-wait';

describe('Prefer: wait (RFC 7240)', () => {
  test.each([
    ['wait=5', 5],
    ['respond-async, wait=3', 3],
    ['WAIT = "4"', 4],
    ['wait=2; foo=bar, respond-async', 2],
    ['wait=0', 0],
  ])('%s asks for %i s', (header, seconds) => {
    expect(preferredWaitSeconds(header)).toBe(seconds);
  });

  test('a longer wait is capped', () => {
    expect(preferredWaitSeconds('wait=3600')).toBe(MAX_PREFERRED_WAIT_SECONDS);
  });

  test.each([[undefined], [''], ['respond-async'], ['wait'], ['wait=soon'], ['wait=-1'], ['await=5'], ['wait=1.5']])(
    'no wait from %p (malformed preferences are ignored)',
    (header) => {
      expect(preferredWaitSeconds(header)).toBe(0);
    },
  );
});
