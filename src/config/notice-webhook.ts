import { parseDuration } from './duration';

/** Where notices are POSTed and how they are signed; absent when no webhook is configured. */
export interface NoticeWebhook {
  url: string;
  secret: string;
}

/** How hard a notice's delivery workflow tries (Temporal activity retry policy). */
export interface NoticeDeliveryPolicy {
  maxAttempts: number;
  initialIntervalMs: number;
  maximumIntervalMs: number;
  /** One HTTP attempt, from connect to the receiver's answer. */
  attemptTimeoutMs: number;
}

const MIN_SECRET_LENGTH = 16;

/**
 * NOTICE_WEBHOOK_URL turns delivery on; its secret is then required, since an unsigned
 * notice could not be told apart from a forged one. Pushes one problem per bad variable.
 */
export function readNoticeWebhook(env: NodeJS.ProcessEnv, problems: string[]): NoticeWebhook | undefined {
  const url = env.NOTICE_WEBHOOK_URL?.trim();
  const secret = env.NOTICE_WEBHOOK_SECRET?.trim();
  if (!url) {
    if (secret) problems.push('NOTICE_WEBHOOK_SECRET: is set, but NOTICE_WEBHOOK_URL is not');
    return undefined;
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    problems.push(`NOTICE_WEBHOOK_URL: expected an http:// or https:// URL, got "${url}"`);
  }
  if (!secret) problems.push('NOTICE_WEBHOOK_SECRET: required when NOTICE_WEBHOOK_URL is set');
  else if (secret.length < MIN_SECRET_LENGTH) problems.push(`NOTICE_WEBHOOK_SECRET: must be at least ${MIN_SECRET_LENGTH} characters`);
  return { url, secret: secret ?? '' };
}

export function readNoticeDeliveryPolicy(read: <T>(name: string, fallback: string, parse: (raw: string) => T) => T, problems: string[]): NoticeDeliveryPolicy {
  const policy = {
    maxAttempts: read('NOTICE_DELIVERY_MAX_ATTEMPTS', '10', (raw) => {
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > 100) throw new Error(`expected an integer from 1 to 100, got "${raw}"`);
      return value;
    }),
    initialIntervalMs: read('NOTICE_DELIVERY_BACKOFF', '1s', positiveDuration),
    maximumIntervalMs: read('NOTICE_DELIVERY_MAX_BACKOFF', '10m', positiveDuration),
    attemptTimeoutMs: read('NOTICE_DELIVERY_TIMEOUT', '10s', positiveDuration),
  };
  if (policy.maximumIntervalMs !== undefined && policy.initialIntervalMs !== undefined && policy.maximumIntervalMs < policy.initialIntervalMs) {
    problems.push('NOTICE_DELIVERY_MAX_BACKOFF must not be shorter than NOTICE_DELIVERY_BACKOFF');
  }
  return policy;
}

function positiveDuration(raw: string): number {
  const ms = parseDuration(raw);
  if (ms <= 0) throw new Error('must be longer than 0');
  return ms;
}
