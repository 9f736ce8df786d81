import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../common/openapi';
import type { Role } from './roles';

export const ACCESS_RULE = 'access-rule';

/** An access rule: either public (no token) or the roles that may call the route. */
export type AccessRule = { public: true } | { public: false; roles: readonly Role[] };

/**
 * Every route states who may call it. The guard refuses a route without a rule (fail closed),
 * and the authorization-matrix test fails for it, so a new route cannot ship unguarded.
 * The same decorator puts the rule into the OpenAPI document (bearer security, `x-roles`), so
 * the document cannot say otherwise than the guard; src/common/openapi.ts adds 401 and 403.
 */
export const Access = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { public: false, roles } satisfies AccessRule), ApiBearerAuth(BEARER_SCHEME), ApiExtension('x-roles', roles));

/** Only health probes are public: load balancers and orchestrators carry no token. */
export const PublicRoute = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
