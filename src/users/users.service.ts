import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { newId } from '../common/ids';
import { CreateUserDto, UserView } from './dto/users.dto';
import { User } from './schemas/user.schema';

@Injectable()
export class UsersService {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  async create(dto: CreateUserDto): Promise<UserView> {
    const userId = dto.userId ?? newId('usr');
    try {
      const created = await this.users.create({ _id: userId, displayName: dto.displayName });
      return toUserView(created);
    } catch (error) {
      if (isDuplicateKey(error)) throw ApiError.conflict('USER_ALREADY_EXISTS', `User ${userId} already exists.`);
      throw error;
    }
  }

  async get(userId: string): Promise<UserView> {
    const user = await this.users.findById(userId).lean();
    if (!user) throw ApiError.notFound('USER_NOT_FOUND', `User ${userId} does not exist.`);
    return toUserView(user);
  }

  /** Throws USER_NOT_FOUND naming the first missing user. */
  async requireAll(...userIds: string[]): Promise<void> {
    // One lookup per id rather than `$in`: the embedded FerretDB (SQLite) serves equality from
    // an index but reads the whole collection for `$in`.
    const found = await Promise.all(userIds.map((id) => this.users.exists({ _id: id })));
    const missing = userIds.find((_id, i) => !found[i]);
    if (missing) throw ApiError.notFound('USER_NOT_FOUND', `User ${missing} does not exist.`);
  }
}

function toUserView(user: User): UserView {
  return { userId: user._id, displayName: user.displayName, createdAt: user.createdAt };
}
