import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ACCESS_RULE = 'access-rule';

/** An access rule: either public (no token) or the roles that may call the route. */
export type AccessRule = { public: true } | { public: false; roles: readonly Role[] };

/**
 * Every route states who may call it. The guard refuses a route without a rule (fail closed),
 * and the authorization-matrix test fails for it, so a new route cannot ship unguarded.
 */
export const Access = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { public: false, roles } satisfies AccessRule);

/** Only health probes are public: load balancers and orchestrators carry no token. */
export const PublicRoute = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
