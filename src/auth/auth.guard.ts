import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import { ACCESS_RULE, AccessRule } from './access.decorator';
import { ACCEPTS_CODEC_SESSION, codecSessionToken } from './codec-session-cookie';
import { TokenVerifier, unauthorized } from './token-verifier';

/**
 * Runs before every route: public routes pass, every other route needs a valid bearer token
 * holding one of the route's roles. A route without a rule is refused (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ApiError(403, 'ACCESS_RULE_MISSING', 'This route has no access rule and is closed.');
    if (rule.public) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: unknown }>();
    const acceptsCookie = this.reflector.getAllAndOverride<boolean | undefined>(ACCEPTS_CODEC_SESSION, [context.getHandler(), context.getClass()]);
    const token = bearerToken(request.headers.authorization) ?? (acceptsCookie ? codecSessionToken(request) : undefined);
    if (!token) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
      throw unauthorized('AUTH_REQUIRED', 'This route needs an Authorization: Bearer token.');
    }
    const principal = await this.verifier.verify(token);
    if (!principal.roles.some((role) => rule.roles.includes(role))) {
      throw new ApiError(403, 'ROLE_FORBIDDEN', `This route needs one of the roles: ${rule.roles.join(', ')}.`);
    }
    request.principal = principal;
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
