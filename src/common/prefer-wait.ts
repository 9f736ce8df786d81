/** The longest a request may ask to be held with `Prefer: wait` (RFC 7240), in seconds. */
export const MAX_PREFERRED_WAIT_SECONDS = 10;

/**
 * The `wait` preference of a `Prefer` header (RFC 7240 section 4.3), in seconds and capped at
 * MAX_PREFERRED_WAIT_SECONDS; 0 when there is none. Preferences are hints: a malformed one is
 * ignored, as the RFC asks, rather than refused.
 */
export function preferredWaitSeconds(header: string | undefined): number {
  for (const preference of (header ?? '').split(',')) {
    const match = /^\s*wait\s*=\s*"?(\d{1,9})"?\s*(;|$)/i.exec(preference);
    if (match) return Math.min(Number(match[1]), MAX_PREFERRED_WAIT_SECONDS);
  }
  return 0;
}
