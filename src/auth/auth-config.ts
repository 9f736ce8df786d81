import { parseDuration } from '../config/duration';

/**
 * How the API verifies bearer tokens, read from the environment at start-up. The API refuses
 * to start without a way to verify tokens: there is no unauthenticated mode.
 */
export class AuthConfig {
  /** HS256 shared secret (local and small deployments). */
  readonly jwtSecret?: Uint8Array;
  /** JWKS endpoint of the identity provider (production): RS256/ES256 tokens. */
  readonly jwksUrl?: URL;
  readonly issuer?: string;
  readonly audience?: string;
  /** Tokens issued longer ago are refused even if their `exp` lies further out (seconds). */
  readonly maxTokenAgeSeconds: number;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const problems: string[] = [];
    const secret = env.AUTH_JWT_SECRET?.trim();
    if (secret) {
      // HS256 needs at least as much key as its output (RFC 7518 §3.2).
      if (Buffer.byteLength(secret) < 32) problems.push('AUTH_JWT_SECRET: must be at least 32 bytes');
      else this.jwtSecret = new TextEncoder().encode(secret);
    }
    const jwks = env.AUTH_JWKS_URL?.trim();
    if (jwks) {
      try {
        this.jwksUrl = new URL(jwks);
      } catch {
        problems.push(`AUTH_JWKS_URL: not a URL: "${jwks}"`);
      }
    }
    if (!secret && !jwks) problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL is required (npm start generates a local secret)');
    // One way to verify: with both, anyone holding the shared secret could mint tokens the IdP never issued.
    if (secret && jwks) problems.push('AUTH_JWT_SECRET and AUTH_JWKS_URL: set one, not both');
    this.issuer = env.AUTH_ISSUER?.trim() || undefined;
    this.audience = env.AUTH_AUDIENCE?.trim() || undefined;
    if (jwks) {
      // An IdP signs tokens for many applications: only its tokens for this API count.
      if (!this.issuer) problems.push('AUTH_ISSUER: required with AUTH_JWKS_URL');
      if (!this.audience) problems.push('AUTH_AUDIENCE: required with AUTH_JWKS_URL');
      if (env.NODE_ENV === 'production' && this.jwksUrl && this.jwksUrl.protocol !== 'https:') {
        problems.push('AUTH_JWKS_URL: must be https in production (the key set decides who is staff)');
      }
    }
    this.maxTokenAgeSeconds = 24 * 3600;
    try {
      this.maxTokenAgeSeconds = Math.floor(parseDuration(env.AUTH_MAX_TOKEN_AGE?.trim() || '24h') / 1000);
    } catch (error) {
      problems.push(`AUTH_MAX_TOKEN_AGE: ${(error as Error).message}`);
    }
    if (problems.length > 0) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}
