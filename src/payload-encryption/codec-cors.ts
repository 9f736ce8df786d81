import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS for /codec only: the Temporal Web UI calls it from its own origin with
 * `Content-Type: application/json` and `X-Namespace` (so the browser sends a preflight first),
 * plus `Authorization` when the UI passes the user's access token, or cookies when "include
 * cross-origin credentials" is on. Preflights carry no credentials, so they are answered here,
 * before any guard. Only the configured origins are allowed; no wildcard, since credentials are.
 */
export function codecCors(origins: readonly string[]): RequestHandler {
  return cors({
    origin: [...origins],
    methods: ['POST'],
    allowedHeaders: ['Content-Type', 'X-Namespace', 'Authorization', 'Authorization-Extras'],
    credentials: true,
    maxAge: 600,
  });
}
