import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';

/**
 * Per-reporter limit on filing: one person flooding the queue (or an app backend gone wrong)
 * is slowed down with 429 and Retry-After (set by the throttler), others are not affected.
 * Runs after authentication, so anonymous calls never spend anyone's quota.
 */
@Injectable()
export class FilingRateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Request): Promise<string> {
    const { reporterId } = (req.body ?? {}) as { reporterId?: unknown };
    // A malformed reporterId is refused by validation later; until then count it by address.
    return Promise.resolve(typeof reporterId === 'string' && reporterId.length <= 128 ? `reporter:${reporterId}` : `ip:${req.ip}`);
  }

  // The throttler awaits this hook: the refusal is its rejected promise.
  protected override throwThrottlingException(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const refusal = new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', `Too many reports from this reporter; retry in ${detail.timeToBlockExpire} s.`, {
      retryAfterSeconds: detail.timeToBlockExpire,
    });
    return Promise.reject(refusal);
  }
}
