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

/** `QUEUE_REASON_WEIGHTS`: `reason=weight` pairs separated by commas; the ones named replace the defaults. */
export function parseReasonWeights(raw: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [reason, value, ...extra] = pair.split('=').map((p) => p.trim());
    const weight = Number(value);
    if (extra.length > 0 || !REASON_CODES.includes(reason)) throw new Error(`"${pair}": expected reason=weight with a reason from ${REASON_CODES.join(', ')}`);
    if (!Number.isInteger(weight) || weight < 0 || weight > 1000) throw new Error(`"${pair}": the weight must be an integer from 0 to 1000`);
    weights[reason] = weight;
  }
  return weights;
}
