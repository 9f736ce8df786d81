import { parseArgs } from '../../bench/lib/args';
import { backlogSteps } from '../../bench/parts/backlog';

describe('npm run bench flags', () => {
  test('the untimed warm-up is as long as the timed part unless told (the JIT settles first), 5 with --quick', () => {
    expect(parseArgs([]).warmup).toBe(100);
    expect(parseArgs(['--n', '300']).warmup).toBe(300);
    expect(parseArgs(['--quick']).warmup).toBe(5);
    expect(parseArgs(['--n', '300', '--warmup', '20']).warmup).toBe(20);
  });

  test('a warm-up that is not a positive count is refused', () => {
    expect(() => parseArgs(['--warmup', '0'])).toThrow('--warmup expects a positive integer, got "0"');
  });

  test('the default run parks a backlog of 10,000; --quick (the CI run) parks 30, and --backlog sets it', () => {
    expect(parseArgs([]).backlog).toBe(10_000);
    expect(parseArgs(['--quick']).backlog).toBe(30);
    expect(parseArgs(['--backlog', '1000']).backlog).toBe(1000);
  });

  test('the backlog is measured at a tenth, half and all of it, each count once', () => {
    expect(backlogSteps(10_000)).toEqual([1000, 5000, 10_000]);
    expect(backlogSteps(30)).toEqual([3, 15, 30]);
    expect(backlogSteps(1)).toEqual([1]);
  });
});
