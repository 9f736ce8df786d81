/** How a process that stops on an error describes it: the stack where there is one. */
export function errorStack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The error's message alone, for a one-line failure a user reads. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
