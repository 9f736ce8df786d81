import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { insertValidated } from '../common/insert-validated';
import { KeyIndex } from '../common/key-index';
import { readPrefix } from '../common/read-prefix';
import { BlockState, blockStateOf, revocationOf } from './block-state';
import { BlockView } from './dto/users.dto';
import { AutoBlockOutcome, AutoBlockRevocation, BlockEvent, blockEventId } from './schemas/block.schema';
import { UsersService } from './users.service';

/** Events read at once at most while loading a block's log (see readPrefix): most pairs have none, one or two. */
const MAX_READ = 4;
/** Tries before giving up when other writers keep appending to the same block (the caller retries). */
const APPEND_ATTEMPTS = 10;

type NewBlockEvent = Pick<BlockEvent, 'type'> & Partial<Pick<BlockEvent, 'reportId' | 'revocation'>>;

/**
 * Blocks (R5, R7, R8) as an append-only log per pair of users; every write is an insert at the
 * next seq, judged against the state the writer read. A concurrent writer that took the seq
 * first makes the insert a duplicate key: the log is read again and judged anew, so a manual
 * block, an unblock and any number of approvals racing on one pair all count.
 */
@Injectable()
export class BlocksService {
  constructor(
    @InjectModel(BlockEvent.name) private readonly events: Model<BlockEvent>,
    private readonly users: UsersService,
    private readonly keys: KeyIndex,
  ) {}

  async block(blockerId: string, blockedUserId: string): Promise<BlockView> {
    if (blockerId === blockedUserId) throw ApiError.badRequest('CANNOT_BLOCK_SELF', 'A user cannot block themselves.');
    await this.users.requireAll(blockerId, blockedUserId);
    // Recorded even while a report's block is on: the blocker's own choice then holds it too.
    const { state } = await this.append(blockerId, blockedUserId, (current) => (current.manual ? null : { type: 'blocked' }));
    return toBlockView(blockerId, blockedUserId, state);
  }

  /** R8: unblocking is recorded and leaves every report as it was. */
  async unblock(blockerId: string, blockedUserId: string): Promise<BlockView> {
    const { state } = await this.append(blockerId, blockedUserId, (current) => {
      if (!current.active) throw ApiError.notFound('BLOCK_NOT_FOUND', `${blockerId} has not blocked ${blockedUserId}.`);
      return { type: 'unblocked' };
    });
    return toBlockView(blockerId, blockedUserId, state);
  }

  async list(blockerId: string): Promise<BlockView[]> {
    await this.users.requireAll(blockerId);
    const blocked = await this.keys.list(blockedByKey(blockerId));
    const views = await Promise.all(blocked.map(async (userId) => toBlockView(blockerId, userId, blockStateOf(await this.log(blockerId, userId)))));
    return views.filter((view) => view.active).sort((a, b) => b.since.getTime() - a.since.getTime());
  }

  async isBlocked(blockerId: string, blockedUserId: string): Promise<boolean> {
    return blockStateOf(await this.log(blockerId, blockedUserId)).active;
  }

  /**
   * R7: the block that an approved report applies, exactly once per report. If the block was
   * already on (the reporter's own, or another report's), that is recorded instead: the report
   * then relies on it too.
   */
  async applyReportBlock(reportId: string, blockerId: string, blockedUserId: string): Promise<AutoBlockOutcome> {
    const { state } = await this.append(blockerId, blockedUserId, (current) => {
      if (current.outcomes.has(reportId)) return null;
      return { type: current.active ? 'auto_block_already_in_place' : 'auto_blocked', reportId };
    });
    return state.outcomes.get(reportId)!;
  }

  /**
   * An upheld appeal undoes the automatic block (R7) of a report behind the overturned
   * sanction, once per report. A block the reporter set themselves, or that another approved
   * report also relies on, stays: the reporter chose it, or another decision applies it.
   */
  async revokeReportBlock(reportId: string, blockerId: string, blockedUserId: string): Promise<AutoBlockRevocation> {
    if ((await this.log(blockerId, blockedUserId, 1)).length === 0) return 'not_applied_by_report';
    const { state } = await this.append(blockerId, blockedUserId, (current) =>
      current.revocations.has(reportId) ? null : { type: 'auto_block_revoked', reportId, revocation: revocationOf(current, reportId) },
    );
    return state.revocations.get(reportId)!;
  }

  /** Appends what `next` judges from the current state (null: nothing to write), and returns the state after it. */
  private async append(blockerId: string, blockedUserId: string, next: (state: BlockState) => NewBlockEvent | null) {
    for (let attempt = 1; ; attempt++) {
      const log = await this.log(blockerId, blockedUserId);
      const current = blockStateOf(log);
      const fields = next(current);
      if (!fields) return { state: current };
      // Listed under the blocker before the event (see KeyIndex): a crash between the two leaves a pair with no block, which reads as none.
      await this.keys.add(blockedByKey(blockerId), blockedUserId);
      const seq = log.length;
      const event: BlockEvent = { _id: blockEventId(blockerId, blockedUserId, seq), blockerId, blockedUserId, seq, at: new Date(), ...fields };
      try {
        await insertValidated(this.events, event);
        return { state: blockStateOf([...log, event]) };
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** The pair's events in seq order, by `_id` reads only (the embedded FerretDB indexes nothing else). */
  private async log(blockerId: string, blockedUserId: string, max = Infinity): Promise<BlockEvent[]> {
    return readPrefix((position) => this.events.findById(blockEventId(blockerId, blockedUserId, position)).lean<BlockEvent>(), MAX_READ, max);
  }
}

function blockedByKey(blockerId: string): string {
  return `blocked-by:${blockerId}`;
}

function toBlockView(blockerId: string, blockedUserId: string, state: BlockState): BlockView {
  if (!state.since) throw ApiError.notFound('BLOCK_NOT_FOUND', `${blockerId} has not blocked ${blockedUserId}.`);
  return { userId: blockerId, blockedUserId, active: state.active, since: state.since };
}
