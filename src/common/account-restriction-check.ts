/**
 * What the posting routes (1:1 messages, Open Chat posts and comments) ask before they store
 * anything: throws `403 ACCOUNT_RESTRICTED` while a restriction or permanent sanction of the
 * account is in force (R9). The sanctions feature implements it and provides it globally
 * (`EnforcementModule`), so chats and Open Chats need not import sanctions, which import them.
 */
export abstract class AccountRestrictionCheck {
  abstract refuseIfRestricted(userId: string): Promise<void>;
}
