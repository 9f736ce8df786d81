import { AppConfig } from '../../src/config/app-config';
import { parseDuration } from '../../src/config/duration';

describe('configuration', () => {
  test('defaults: 72 h review deadline, 30 day maximum wait, port 3000', () => {
    const config = new AppConfig({});
    expect(config.reviewDeadlineMs).toBe(72 * 3_600_000);
    expect(config.maxReviewWaitMs).toBe(30 * 86_400_000);
    expect(config.port).toBe(3000);
  });

  test('every invalid setting is named in one start-up error', () => {
    expect(() => new AppConfig({ PORT: 'eighty', MONGO_URL: 'postgres://x', REVIEW_DEADLINE: 'soon' })).toThrow(/PORT[\s\S]*MONGO_URL[\s\S]*REVIEW_DEADLINE/);
  });

  test('the start sweep: every 30 s by default, for reports received 30 s before; an interval under 100 ms is refused', () => {
    expect(new AppConfig({}).startSweep).toEqual({ intervalMs: 30_000, graceMs: 30_000 });
    expect(new AppConfig({ START_SWEEP_INTERVAL: '1s', START_SWEEP_GRACE: '2m' }).startSweep).toEqual({ intervalMs: 1_000, graceMs: 120_000 });
    expect(() => new AppConfig({ START_SWEEP_INTERVAL: '5ms' })).toThrow(/START_SWEEP_INTERVAL/);
  });

  test('the maximum wait must be longer than the review deadline', () => {
    expect(() => new AppConfig({ REVIEW_DEADLINE: '10d', MAX_REVIEW_WAIT: '5d' })).toThrow(/MAX_REVIEW_WAIT/);
  });

  test.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['15m', 900_000],
    ['72h', 259_200_000],
    ['30d', 2_592_000_000],
    ['1500', 1500],
  ])('duration %s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test('a duration with an unknown unit is refused', () => {
    expect(() => parseDuration('3w')).toThrow(/duration/);
  });
});
