import { Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, JWTVerifyGetKey } from 'jose';
import { ApiError } from '../common/api-error';
import { AuthConfig } from './auth-config';
import { Principal, Role, ROLES } from './roles';

/** Verifies a bearer token with the configured HS256 secret or the identity provider's JWKS. */
@Injectable()
export class TokenVerifier {
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly config: AuthConfig) {
    // jose caches the key set and refetches it on an unknown key id (key rotation at the IdP).
    if (config.jwksUrl) this.jwks = createRemoteJWKSet(config.jwksUrl);
  }

  async verify(token: string): Promise<Principal> {
    // maxTokenAge also requires `iat`: a stolen token is bounded even when its `exp` is far out.
    const options = {
      issuer: this.config.issuer,
      audience: this.config.audience,
      maxTokenAge: this.config.maxTokenAgeSeconds,
      requiredClaims: ['exp', 'iat'],
    };
    let payload: JWTPayload;
    try {
      payload = this.config.jwtSecret
        ? (await jwtVerify(token, this.config.jwtSecret, { ...options, algorithms: ['HS256'] })).payload
        : (await jwtVerify(token, this.jwks!, { ...options, algorithms: ['RS256', 'ES256', 'EdDSA'] })).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthorized('TOKEN_EXPIRED', 'The bearer token has expired.');
      throw unauthorized('TOKEN_INVALID', 'The bearer token is not valid.');
    }
    const roles = rolesOf(payload);
    if (typeof payload.sub !== 'string' || payload.sub === '' || roles.length === 0) {
      throw unauthorized('TOKEN_INVALID', 'The bearer token needs a subject and at least one known role.');
    }
    return { sub: payload.sub, roles };
  }
}

/** Roles come as `roles: [...]` or a single `role` claim; unknown names are ignored. */
function rolesOf(payload: JWTPayload): Role[] {
  const claimed = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  return ROLES.filter((role) => claimed.includes(role));
}

export function unauthorized(code: string, message: string): ApiError {
  return new ApiError(401, code, message);
}
