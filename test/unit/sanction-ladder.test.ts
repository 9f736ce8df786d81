import { AppConfig } from '../../src/config/app-config';
import {
  DEFAULT_LADDERS,
  LadderPolicy,
  SanctionLadders,
  describeMeasure,
  measureFor,
  parseLadder,
  sanctionLaddersOf,
} from '../../src/sanctions/sanction-ladder';

const ladders: SanctionLadders = {
  minor: parseLadder(DEFAULT_LADDERS.minor),
  standard: parseLadder(DEFAULT_LADDERS.standard),
  severe: parseLadder(DEFAULT_LADDERS.severe),
  critical: parseLadder(DEFAULT_LADDERS.critical),
};

describe('R9: the sanction ladder (policy category x prior sanctions -> measure)', () => {
  test.each([
    // minor: spam, other
    ['spam', 0, 'warning'],
    ['spam', 1, '1-day restriction'],
    ['spam', 2, '7-day restriction'],
    ['spam', 3, '30-day restriction'],
    ['spam', 4, '180-day restriction'],
    ['spam', 5, 'permanent restriction'],
    ['other', 9, 'permanent restriction'],
    // standard
    ['hate_harassment', 0, 'warning'],
    ['hate_harassment', 1, '7-day restriction'],
    ['sexual_content', 2, '30-day restriction'],
    ['fraud', 3, '180-day restriction'],
    ['privacy', 4, 'permanent restriction'],
    ['impersonation', 1, '7-day restriction'],
    // severe: no warning
    ['violence_threats', 0, '30-day restriction'],
    ['violence_threats', 1, '180-day restriction'],
    ['violence_threats', 2, 'permanent restriction'],
    // critical
    ['illegal_activity', 0, 'permanent restriction'],
    // an unknown category is treated as minor
    ['not_a_category', 0, 'warning'],
  ])('%s with %i prior sanction(s): %s', (category, prior, expected) => {
    expect(describeMeasure(measureFor(category, prior, ladders))).toBe(expected);
  });

  test('past the top rung the top rung applies again; a negative count is the first rung', () => {
    expect(measureFor('spam', 100, ladders)).toEqual({ kind: 'permanent' });
    expect(measureFor('spam', -1, ladders)).toEqual({ kind: 'warning' });
  });

  test('parseLadder reads warning, 1d to 180d and permanent, and refuses anything else', () => {
    expect(parseLadder(' warning, 1d ,180d,permanent')).toEqual([
      { kind: 'warning' },
      { kind: 'restriction', days: 1 },
      { kind: 'restriction', days: 180 },
      { kind: 'permanent' },
    ]);
    for (const bad of ['', '0d', '181d', '7h', 'ban', '7d,,x']) expect(() => parseLadder(bad)).toThrow();
  });

  test('ladders, the strike window and the appeal window come from the environment', () => {
    const config = new AppConfig({ SANCTION_LADDER_SEVERE: '7d,permanent', SANCTION_STRIKE_WINDOW: '90d', APPEAL_WINDOW: '14d' });
    const inForce = sanctionLaddersOf(config.sanctionPolicy.ladders);
    expect(inForce.severe).toEqual([{ kind: 'restriction', days: 7 }, { kind: 'permanent' }]);
    expect(inForce.minor).toEqual(ladders.minor);
    expect(config.sanctionPolicy).toMatchObject({ strikeWindowMs: 90 * 86_400_000, appealWindowMs: 14 * 86_400_000 });
    expect(() => new AppConfig({ APPEAL_WINDOW: 'soon' })).toThrow(/APPEAL_WINDOW/);
  });

  test('a bad rung or an unknown tier is refused at start-up, each one named', () => {
    // LadderPolicy is created when the API or the worker boots: this is the error the boot stops with.
    const laddersWith = (env: NodeJS.ProcessEnv) => () => new LadderPolicy(new AppConfig(env));
    expect(laddersWith({ SANCTION_LADDER_MINOR: 'warning,365d', SANCTION_LADDER_SEVER: '7d' })).toThrow(
      /SANCTION_LADDER_SEVER: not a severity tier[\s\S]*SANCTION_LADDER_MINOR: "365d"/,
    );
    expect(laddersWith({ SANCTION_LADDER_CRITICAL: '' })).toThrow(/SANCTION_LADDER_CRITICAL/);
    expect(laddersWith({ SANCTION_LADDER_CRITICAL: '180d' })).not.toThrow();
  });
});
