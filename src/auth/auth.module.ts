import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthConfig } from './auth-config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/** The API's authentication: a global guard over every route (the worker has no routes to guard). */
@Global()
@Module({
  providers: [{ provide: AuthConfig, useFactory: () => new AuthConfig() }, TokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenVerifier],
})
export class AuthModule {}
