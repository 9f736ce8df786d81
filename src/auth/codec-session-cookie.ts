import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';

/** HttpOnly cookie holding a support token, scoped to /codec (POST /codec/session, which the console's support sign-in calls). */
export const CODEC_SESSION_COOKIE = 'codec_session';
export const CODEC_SESSION_PATH = '/codec';
export const ACCEPTS_CODEC_SESSION = 'accepts-codec-session-cookie';

/**
 * The route also takes its token from the codec session cookie. Only for /codec/decode and
 * /codec/encode: a Temporal Web UI without SSO (the dev server's) cannot send a bearer token,
 * only cookies, on its own origin (docs/temporal-ui.md) or with "include credentials". Both
 * routes change nothing, so a cookie riding along a forged request gains an attacker nothing
 * (and CORS hides the answer).
 */
export const AcceptsCodecSessionCookie = () => SetMetadata(ACCEPTS_CODEC_SESSION, true);

export function codecSessionToken(request: Request): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CODEC_SESSION_COOKIE && value.length > 0) return decoded(value.join('='));
  }
  return undefined;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A broken escape is the client's mistake (a 400), not a token to verify or a server error.
    throw ApiError.badRequest('MALFORMED_SESSION_COOKIE', `The ${CODEC_SESSION_COOKIE} cookie is not valid percent-encoded text.`);
  }
}
