import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { BlockView } from './dto/users.dto';
import { AutoBlockOutcome, AutoBlockRevocation, Block, blockId } from './schemas/block.schema';
import { UsersService } from './users.service';

@Injectable()
export class BlocksService {
  constructor(
    @InjectModel(Block.name) private readonly blocks: Model<Block>,
    private readonly users: UsersService,
  ) {}

  async block(blockerId: string, blockedUserId: string): Promise<BlockView> {
    if (blockerId === blockedUserId) throw ApiError.badRequest('CANNOT_BLOCK_SELF', 'A user cannot block themselves.');
    await this.users.requireAll(blockerId, blockedUserId);
    await this.activate(blockerId, blockedUserId, { type: 'blocked', at: new Date() });
    return this.view(blockerId, blockedUserId);
  }

  /** R8: unblocking is recorded and leaves every report as it was. */
  async unblock(blockerId: string, blockedUserId: string): Promise<BlockView> {
    const result = await this.blocks.updateOne(
      { _id: blockId(blockerId, blockedUserId), active: true },
      { $set: { active: false }, $push: { events: { type: 'unblocked', at: new Date() } } },
    );
    if (result.matchedCount === 0) {
      throw ApiError.notFound('BLOCK_NOT_FOUND', `${blockerId} has not blocked ${blockedUserId}.`);
    }
    return this.view(blockerId, blockedUserId);
  }

  async list(blockerId: string): Promise<BlockView[]> {
    await this.users.requireAll(blockerId);
    const rows = await this.blocks.find({ blockerId, active: true }).sort({ updatedAt: -1 }).lean();
    return rows.map(toBlockView);
  }

  async isBlocked(blockerId: string, blockedUserId: string): Promise<boolean> {
    const row = await this.blocks.findById(blockId(blockerId, blockedUserId), { active: 1 }).lean();
    return row?.active === true;
  }

  /**
   * R7: the block that an approved report applies, exactly once per report. If the reporter
   * had already blocked the person, that is recorded instead of a second block.
   */
  async applyReportBlock(reportId: string, blockerId: string, blockedUserId: string): Promise<AutoBlockOutcome> {
    const id = blockId(blockerId, blockedUserId);
    const recorded = `reportBlocks.${reportId}`;
    const at = new Date();
    // Conditional writes, no read first: each writes only if this report's outcome is not
    // recorded yet, so the one that writes knows the outcome. Most approvals find no block on.
    if (await this.activate(blockerId, blockedUserId, { type: 'auto_blocked', at, reportId }, recorded)) return 'applied';
    if (await this.recordAlreadyInPlace(id, recorded, { type: 'auto_block_already_in_place', at, reportId })) return 'already_in_place';
    // Neither wrote: a run before this one (or racing it) recorded the outcome.
    return this.recordedOutcome(id, reportId);
  }

  /** The reporter's own block was already there: the report's outcome says so (once). */
  private async recordAlreadyInPlace(
    id: string,
    recordedKey: string,
    event: { type: 'auto_block_already_in_place'; at: Date; reportId: string },
  ): Promise<boolean> {
    const result = await this.blocks.updateOne(
      { _id: id, [recordedKey]: { $exists: false } },
      { $set: { [recordedKey]: 'already_in_place' }, $push: { events: event } },
    );
    return result.modifiedCount === 1;
  }

  /** What another writer (a retry racing this one, a concurrent manual block) left for the report. */
  private async recordedOutcome(id: string, reportId: string): Promise<AutoBlockOutcome> {
    const after = await this.blocks.findById(id, { reportBlocks: 1 }).lean();
    const outcome = after?.reportBlocks?.[reportId];
    // Only a concurrent manual block can leave this unset; the activity's retry then records it.
    if (!outcome) throw new Error(`auto-block for report ${reportId} lost a race; retry`);
    return outcome;
  }

  /**
   * An upheld appeal undoes the automatic block (R7) of a report behind the overturned
   * sanction, once per report. A block the reporter had set themselves, set again after
   * unblocking, or that another approved report also applied, stays: the reporter chose it.
   */
  async revokeReportBlock(reportId: string, blockerId: string, blockedUserId: string): Promise<AutoBlockRevocation> {
    const id = blockId(blockerId, blockedUserId);
    const recorded = `reportBlockRevocations.${reportId}`;
    const existing = await this.blocks.findById(id).lean();
    const previous = existing?.reportBlockRevocations?.[reportId];
    if (previous) return previous;
    if (!existing) return 'not_applied_by_report';
    const outcome = revocationOf(existing, reportId);
    const at = new Date();
    await this.blocks.updateOne(
      { _id: id, [recorded]: { $exists: false } },
      {
        $set: { [recorded]: outcome, ...(outcome === 'revoked' ? { active: false } : {}) },
        ...(outcome === 'revoked' ? { $push: { events: { type: 'auto_block_revoked', at, reportId } } } : {}),
      },
    );
    return (await this.blocks.findById(id, { reportBlockRevocations: 1 }).lean())?.reportBlockRevocations?.[reportId] ?? outcome;
  }

  /** Turns a block on unless it is on already; true when this call wrote it (a duplicate key means another writer won). */
  private async activate(
    blockerId: string,
    blockedUserId: string,
    event: { type: 'blocked' | 'auto_blocked'; at: Date; reportId?: string },
    recordedKey?: string,
  ): Promise<boolean> {
    const filter: Record<string, unknown> = { _id: blockId(blockerId, blockedUserId), active: { $ne: true } };
    const set: Record<string, unknown> = { blockerId, blockedUserId, active: true };
    if (recordedKey) {
      filter[recordedKey] = { $exists: false };
      set[recordedKey] = 'applied';
    }
    try {
      const result = await this.blocks.updateOne(filter, { $set: set, $push: { events: event } }, { upsert: true });
      return result.modifiedCount + result.upsertedCount === 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }

  private async view(blockerId: string, blockedUserId: string): Promise<BlockView> {
    const row = await this.blocks.findById(blockId(blockerId, blockedUserId)).lean();
    if (!row) throw ApiError.notFound('BLOCK_NOT_FOUND', `${blockerId} has not blocked ${blockedUserId}.`);
    return toBlockView(row);
  }
}

function revocationOf(block: Block, reportId: string): AutoBlockRevocation {
  if (block.reportBlocks?.[reportId] !== 'applied') return 'not_applied_by_report';
  if (!block.active) return 'already_unblocked';
  const lastActivation = block.events.filter((e) => e.type === 'blocked' || e.type === 'auto_blocked').at(-1);
  if (lastActivation?.reportId !== reportId) return 'kept_blocked_again_since';
  const others = Object.keys(block.reportBlocks).filter((other) => other !== reportId && !block.reportBlockRevocations?.[other]);
  return others.length > 0 ? 'kept_for_other_report' : 'revoked';
}

function toBlockView(row: Block): BlockView {
  const activations = row.events.filter((e) => e.type === 'blocked' || e.type === 'auto_blocked');
  return { userId: row.blockerId, blockedUserId: row.blockedUserId, active: row.active, since: activations.at(-1)?.at ?? row.createdAt };
}
