import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { PolicyCategory } from '../reports/report-reasons';

/** What a sanction does to the reported account (R9: the policy's 1-180 day restrictions). */
export type Measure = { kind: 'warning' } | { kind: 'restriction'; days: number } | { kind: 'permanent' };
export type MeasureKind = Measure['kind'];
export const MEASURE_KINDS: readonly MeasureKind[] = ['warning', 'restriction', 'permanent'];
export const MAX_RESTRICTION_DAYS = 180;

/** How grave a policy category is; each tier climbs its own ladder. */
export type SeverityTier = 'minor' | 'standard' | 'severe' | 'critical';
export const SEVERITY_TIERS: readonly SeverityTier[] = ['minor', 'standard', 'severe', 'critical'];

export const TIER_OF: Record<PolicyCategory, SeverityTier> = {
  spam: 'minor',
  other: 'minor',
  sexual_content: 'standard',
  hate_harassment: 'standard',
  fraud: 'standard',
  privacy: 'standard',
  impersonation: 'standard',
  violence_threats: 'severe',
  illegal_activity: 'critical',
};

export type SanctionLadders = Record<SeverityTier, readonly Measure[]>;

/** Defaults, written as the environment would write them (SANCTION_LADDER_<TIER>). */
export const DEFAULT_LADDERS: Record<SeverityTier, string> = {
  minor: 'warning,1d,7d,30d,180d,permanent',
  standard: 'warning,7d,30d,180d,permanent',
  severe: '30d,180d,permanent',
  critical: 'permanent',
};

/**
 * The graduated ladder: the category's tier picks a ladder, and the account's prior sanctions
 * within the strike window pick the rung; past the top the top rung applies again.
 */
export function measureFor(category: string, priorSanctions: number, ladders: SanctionLadders): Measure {
  const tier = TIER_OF[category as PolicyCategory] ?? 'minor';
  const ladder = ladders[tier];
  return ladder[Math.min(Math.max(0, Math.floor(priorSanctions)), ladder.length - 1)];
}

/** Parses `warning,7d,30d,permanent`: at least one rung, restrictions of 1 to 180 whole days. */
export function parseLadder(text: string): Measure[] {
  const rungs = text
    .split(',')
    .map((rung) => rung.trim())
    .filter((rung) => rung !== '');
  if (rungs.length === 0) throw new Error('expected rungs such as warning,7d,30d,permanent');
  return rungs.map((rung) => {
    if (rung === 'warning' || rung === 'permanent') return { kind: rung };
    const days = /^(\d+)d$/.exec(rung);
    const count = days ? Number(days[1]) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > MAX_RESTRICTION_DAYS) {
      throw new Error(`"${rung}" is not warning, permanent or 1d to ${MAX_RESTRICTION_DAYS}d`);
    }
    return { kind: 'restriction', days: count };
  });
}

/** The ladders: each tier's `SANCTION_LADDER_<TIER>` as written, else its default. */
export function sanctionLaddersOf(configured: Readonly<Record<string, string>>): SanctionLadders {
  const problems = Object.keys(configured)
    .filter((tier) => !SEVERITY_TIERS.includes(tier as SeverityTier))
    .map((tier) => `SANCTION_LADDER_${tier.toUpperCase()}: not a severity tier; expected one of ${SEVERITY_TIERS.join(', ')}`);
  const ladders = {} as Record<SeverityTier, readonly Measure[]>;
  for (const tier of SEVERITY_TIERS) {
    try {
      ladders[tier] = parseLadder(configured[tier] ?? DEFAULT_LADDERS[tier]);
    } catch (error) {
      problems.push(`SANCTION_LADDER_${tier.toUpperCase()}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return ladders;
}

/**
 * The ladders in force. Created when the API or the worker boots and needs nothing but the
 * configuration, so an unknown tier or a bad rung stops the boot at once, before the database
 * is reached, not at the first approval.
 */
@Injectable()
export class LadderPolicy {
  readonly ladders: SanctionLadders;

  constructor(config: AppConfig) {
    this.ladders = sanctionLaddersOf(config.sanctionPolicy.ladders);
  }
}

export function describeMeasure(measure: Measure): string {
  if (measure.kind === 'restriction') return `${measure.days}-day restriction`;
  return measure.kind === 'warning' ? 'warning' : 'permanent restriction';
}
