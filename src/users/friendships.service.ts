import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import type { Admission, TargetKind } from '../../workflows/definitions';
import { BlocksService } from './blocks.service';
import { FriendshipView } from './dto/users.dto';
import { checkFriendMessage } from './friend-check';
import { Friendship, FriendshipState, friendshipId } from './schemas/friendship.schema';
import { UsersService } from './users.service';

/** R5: add, hide, and delete (hidden friends only) — the moves the friend check (R4) reads. */
@Injectable()
export class FriendshipsService {
  constructor(
    @InjectModel(Friendship.name) private readonly friendships: Model<Friendship>,
    private readonly users: UsersService,
    private readonly blocks: BlocksService,
  ) {}

  async add(ownerId: string, friendId: string): Promise<FriendshipView> {
    if (ownerId === friendId) throw ApiError.badRequest('CANNOT_FRIEND_SELF', 'A user cannot add themselves as a friend.');
    await this.users.requireAll(ownerId, friendId);
    await this.friendships.updateOne({ _id: friendshipId(ownerId, friendId) }, { $set: { ownerId, friendId, state: 'friend' } }, { upsert: true });
    return { userId: ownerId, friendId, state: 'friend' };
  }

  async list(ownerId: string): Promise<FriendshipView[]> {
    await this.users.requireAll(ownerId);
    const rows = await this.friendships
      .find({ ownerId, state: { $ne: 'deleted' } })
      .sort({ _id: 1 })
      .lean();
    return rows.map((row) => ({ userId: row.ownerId, friendId: row.friendId, state: row.state }));
  }

  async hide(ownerId: string, friendId: string): Promise<FriendshipView> {
    const current = await this.stateOf(ownerId, friendId);
    if (current !== 'friend' && current !== 'hidden') throw friendNotFound(ownerId, friendId);
    await this.friendships.updateOne({ _id: friendshipId(ownerId, friendId) }, { $set: { state: 'hidden' } });
    return { userId: ownerId, friendId, state: 'hidden' };
  }

  /** Mirrors the app: only a hidden friend can be deleted (Settings > Manage Friends > Hidden Friends). */
  async delete(ownerId: string, friendId: string): Promise<FriendshipView> {
    const current = await this.stateOf(ownerId, friendId);
    if (current === 'friend') {
      throw ApiError.conflict(
        'FRIEND_NOT_HIDDEN',
        `Hide ${friendId} first (POST /v1/users/${ownerId}/friends/${friendId}/hide), then delete them from Hidden Friends.`,
      );
    }
    if (current !== 'hidden') throw friendNotFound(ownerId, friendId);
    await this.friendships.updateOne({ _id: friendshipId(ownerId, friendId), state: 'hidden' }, { $set: { state: 'deleted' } });
    return { userId: ownerId, friendId, state: 'deleted' };
  }

  /**
   * R4 for a report's target, as read at the moment of the check: only a 1:1 message is
   * subject to it. The one judge of R4, used by filing and by the workflow's friend check.
   */
  async admissionFor(kind: TargetKind, reporterId: string, authorId: string): Promise<Admission> {
    if (kind !== 'chat_message') return { admitted: true };
    const [state, blocked] = await Promise.all([this.stateOf(reporterId, authorId), this.blocks.isBlocked(reporterId, authorId)]);
    return checkFriendMessage(state, blocked);
  }

  async stateOf(ownerId: string, friendId: string): Promise<FriendshipState | null> {
    const row = await this.friendships.findById(friendshipId(ownerId, friendId), { state: 1 }).lean();
    return row?.state ?? null;
  }
}

function friendNotFound(ownerId: string, friendId: string): ApiError {
  return ApiError.notFound('FRIEND_NOT_FOUND', `${friendId} is not in ${ownerId}'s friend list.`);
}
