import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a notice POST is signed, so the receiver can check that it came from us and is fresh:
 *
 *   X-Notice-Id:        the notice id (the same on every attempt: de-duplicate by it)
 *   X-Notice-Timestamp: seconds since the epoch when this attempt was sent
 *   X-Signature:        "sha256=" + hex(HMAC-SHA256(secret, `${timestamp}.${rawBody}`))
 *
 * The timestamp is inside the signed text, so an old request cannot be replayed with a new
 * timestamp; receivers should also refuse timestamps far from their clock.
 */
export const NOTICE_ID_HEADER = 'X-Notice-Id';
export const NOTICE_TIMESTAMP_HEADER = 'X-Notice-Timestamp';
export const NOTICE_SIGNATURE_HEADER = 'X-Signature';

export function signNotice(secret: string, timestamp: number | string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** For receivers (and our tests): constant-time comparison of the header with the expected value. */
export function isValidNoticeSignature(secret: string, timestamp: string, rawBody: string, signatureHeader: string): boolean {
  const expected = Buffer.from(signNotice(secret, timestamp, rawBody));
  const given = Buffer.from(signatureHeader);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
