import { parseArgs } from '../../bench/lib/args';

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
});
