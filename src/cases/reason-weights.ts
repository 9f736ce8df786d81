import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { REASON_CODES } from '../reports/report-reasons';

/** Queue priority by reason: threats to life and illegal content first, spam last. */
export const DEFAULT_REASON_WEIGHTS: Readonly<Record<string, number>> = {
  illegal_content: 100,
  violent_threatening: 100,
  personal_information: 70,
  obscene_sexual: 60,
  abusive_hateful: 50,
  fraud_scam: 50,
  impersonation: 40,
  other: 20,
  spam_advertising: 10,
};

/** The queue's weights: the defaults, with the ones `QUEUE_REASON_WEIGHTS` names replaced. */
export function reasonWeightsOf(configured: Readonly<Record<string, number>>): Record<string, number> {
  const problems = Object.entries(configured).flatMap(([reason, weight]) => {
    if (!REASON_CODES.includes(reason)) return [`"${reason}" is not a reason; expected one of ${REASON_CODES.join(', ')}`];
    if (!Number.isInteger(weight) || weight < 0 || weight > 1000) return [`"${reason}=${weight}": the weight must be an integer from 0 to 1000`];
    return [];
  });
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  QUEUE_REASON_WEIGHTS: ${problems.join('; ')}`);
  return { ...DEFAULT_REASON_WEIGHTS, ...configured };
}

/**
 * The weights in force. Created when the API boots and needs nothing but the configuration, so
 * a reason outside the catalogue or a weight out of range stops the boot at once, before the
 * database is reached, not at the first queue read.
 */
@Injectable()
export class ReasonWeights {
  readonly byReason: Readonly<Record<string, number>>;

  constructor(config: AppConfig) {
    this.byReason = reasonWeightsOf(config.queueReasonWeights);
  }
}
