import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from './roles';

/** The verified caller, set by the auth guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
