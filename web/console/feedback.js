// The page's two message regions: a polite status line for results and an alert for failures.
// Failures show the API's own code and message (a conflict of interest is the API's judgement,
// so the console names it rather than hiding it).
import { ApiFailure } from './api-client.js';

const $ = (id) => document.getElementById(id);
let onUnauthorized = () => undefined;

/** What to do when the API refuses the token itself (401): the controller signs out. */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

export function announce(text) {
  $('error').textContent = '';
  $('status').textContent = text;
}

export function fail(error) {
  if (error instanceof ApiFailure && error.status === 401) onUnauthorized();
  $('error').textContent = describe(error);
}

export function describe(error) {
  if (!(error instanceof ApiFailure)) return String(error?.message ?? error);
  if (error.status === 401) return 'The API refused the token (missing, invalid or expired). Sign in again.';
  if (error.status === 403 && !error.code.endsWith('_CONFLICT_OF_INTEREST')) return `Not allowed: ${error.message} (${error.code}).`;
  return `${error.message} (${error.code})`;
}

/** Runs a user action, reporting any failure in the alert region instead of losing it. */
export function guarded(action) {
  return (event) => {
    event?.preventDefault?.();
    Promise.resolve(action(event)).catch(fail);
  };
}
