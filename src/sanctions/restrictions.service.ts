import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { UsersService } from '../users/users.service';
import { FiledAppealView, RestrictionsView } from './dto/restriction.view';
import { restrictionView, sanctionStatus } from './sanction-statement';
import { appealIdOf } from './schemas/sanction-appeal.schema';
import { SanctionStore } from './sanction-store.service';

export { appealIdOf } from './schemas/sanction-appeal.schema';

/** What the sanctioned person sees of their sanctions (R2: nothing about who reported), and their one appeal. */
@Injectable()
export class RestrictionsService {
  constructor(
    private readonly store: SanctionStore,
    private readonly users: UsersService,
  ) {}

  async restrictionsOf(userId: string, now = new Date()): Promise<RestrictionsView> {
    await this.users.requireAll(userId);
    const views = (await this.store.records(await this.store.forUser(userId))).map((record) => restrictionView(record, now));
    // "Active": restrictions in force and warnings on record; "past": ended, lifted or overturned.
    const active = views.filter((v) => v.status === 'active' || v.status === 'on_record');
    const inForce = active.filter((v) => v.status === 'active');
    const permanent = inForce.some((v) => v.measure === 'permanent');
    const latestEnd = inForce
      .map((v) => v.endsAt!)
      .filter(Boolean)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      userId,
      restricted: inForce.length > 0,
      restrictedUntil: permanent ? 'permanent' : (latestEnd ?? null),
      active,
      past: views.filter((v) => !active.includes(v)),
    };
  }

  /** DSA Art. 20: once per sanction, within the appeal window, by the sanctioned person. */
  async fileAppeal(userId: string, sanctionId: string, statement: string, now = new Date()): Promise<FiledAppealView> {
    const record = await this.store.record(sanctionId);
    if (!record || record.sanction.userId !== userId) throw ApiError.notFound('SANCTION_NOT_FOUND', `${userId} has no sanction ${sanctionId}.`);
    const appealId = appealIdOf(sanctionId);
    if (record.appeal) throw ApiError.conflict('APPEAL_ALREADY_FILED', 'This sanction was already appealed; each sanction can be appealed once.', { appealId });
    if (sanctionStatus(record, now) === 'overturned') throw ApiError.conflict('SANCTION_ALREADY_OVERTURNED', 'This sanction was already overturned.');
    if (now.getTime() >= record.sanction.appealableUntil.getTime()) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'APPEAL_WINDOW_CLOSED',
        `Appeals were possible until ${record.sanction.appealableUntil.toISOString()}.`,
        {
          appealUntil: record.sanction.appealableUntil.toISOString(),
        },
      );
    }
    const filed = await this.store.fileAppeal({ _id: appealId, sanctionId, userId, statement, filedAt: now });
    if (!filed) throw ApiError.conflict('APPEAL_ALREADY_FILED', 'This sanction was already appealed; each sanction can be appealed once.', { appealId });
    return { appealId, sanctionId, status: 'pending' as const, filedAt: now };
  }
}
