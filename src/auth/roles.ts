/**
 * Who may call the API. `app`: app backends (platform model, filing and reading reports);
 * `moderator`: queue, decisions, evidence; `support`: customer service, read-only reports and history.
 */
export const ROLES = ['app', 'moderator', 'support'] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller of a request: the token's subject and roles. */
export interface Principal {
  sub: string;
  roles: Role[];
}
