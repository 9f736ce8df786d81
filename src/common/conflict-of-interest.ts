import { HttpStatus } from '@nestjs/common';
import { ApiError } from './api-error';
import type { Principal } from '../auth/roles';

/**
 * Staff never act on, or read who reported, a matter they are part of: as the reported person,
 * as a reporter, or (appeals) as one whose report led to the sanction. The subject of the
 * staff token is the user id compared.
 */
export function moderatorConflict(what: string): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'MODERATOR_CONFLICT_OF_INTEREST', `A moderator cannot ${what}.`);
}

export function staffConflict(what: string): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'STAFF_CONFLICT_OF_INTEREST', `Customer service staff cannot ${what}.`);
}

/** The conflict error for the caller's staff role (moderator first), or null for a caller without one. */
export function conflictFor(principal: Principal, what: string): ApiError | null {
  if (principal.roles.includes('moderator')) return moderatorConflict(what);
  if (principal.roles.includes('support')) return staffConflict(what);
  return null;
}
