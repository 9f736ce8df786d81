import { HttpStatus, Injectable } from '@nestjs/common';
import { AccountRestrictionCheck } from '../common/account-restriction-check';
import { ApiError } from '../common/api-error';
import { sanctionStatus } from './sanction-statement';
import { SanctionRecord, SanctionStore } from './sanction-store.service';

export interface RestrictionInForce {
  sanctionId: string;
  /** null: permanent. */
  until: Date | null;
}

/**
 * The restriction in force among an account's sanctions, if any: a permanent one first, else the
 * one that ends last. Warnings restrict nothing; ended, lifted and overturned sanctions neither.
 */
export function restrictionInForce(records: SanctionRecord[], now: Date): RestrictionInForce | null {
  const inForce = records.filter((record) => sanctionStatus(record, now) === 'active').map((record) => record.sanction);
  const permanent = inForce.find((sanction) => sanction.measure === 'permanent');
  if (permanent) return { sanctionId: permanent._id, until: null };
  const latest = inForce.sort((a, b) => b.endsAt!.getTime() - a.endsAt!.getTime())[0];
  return latest ? { sanctionId: latest._id, until: latest.endsAt! } : null;
}

/**
 * R9 enforced: read from the sanction records on every call, with no cache, so a lift, the end
 * of the term and an upheld appeal take effect on the next request.
 */
@Injectable()
export class AccountRestrictions implements AccountRestrictionCheck {
  constructor(private readonly store: SanctionStore) {}

  async inForce(userId: string, now = new Date()): Promise<RestrictionInForce | null> {
    return restrictionInForce(await this.store.records(await this.store.forUser(userId)), now);
  }

  /** R2: the answer names the sanction and its end, the same the account's own restrictions list shows; nothing of a report. */
  async refuseIfRestricted(userId: string): Promise<void> {
    const restriction = await this.inForce(userId);
    if (!restriction) return;
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'ACCOUNT_RESTRICTED',
      restriction.until
        ? `This account is restricted until ${restriction.until.toISOString()}: it cannot send messages, post or comment.`
        : 'This account is permanently restricted: it cannot send messages, post or comment.',
      { sanctionId: restriction.sanctionId, until: restriction.until ? restriction.until.toISOString() : null },
    );
  }
}
