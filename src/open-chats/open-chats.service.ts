import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AccountRestrictionCheck } from '../common/account-restriction-check';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { UsersService } from '../users/users.service';
import { CreateAuthoredTextDto, CreateOpenChatDto } from './dto/open-chats.dto';
import { ContentModerationLog, contentRemoved } from './content-moderation.service';
import { Comment } from './schemas/comment.schema';
import { OpenChat } from './schemas/open-chat.schema';
import { Post } from './schemas/post.schema';

@Injectable()
export class OpenChatsService {
  constructor(
    @InjectModel(OpenChat.name) private readonly openChats: Model<OpenChat>,
    @InjectModel(Post.name) private readonly posts: Model<Post>,
    @InjectModel(Comment.name) private readonly comments: Model<Comment>,
    private readonly users: UsersService,
    private readonly restrictions: AccountRestrictionCheck,
    private readonly moderation: ContentModerationLog,
  ) {}

  async createOpenChat(dto: CreateOpenChatDto): Promise<{ openChatId: string }> {
    await this.users.requireAll(dto.ownerId);
    const openChat = await this.openChats.create({ _id: newId('oc'), title: dto.title, ownerId: dto.ownerId });
    return { openChatId: openChat._id };
  }

  /** R9: a restricted account posts and comments nothing. */
  async createPost(openChatId: string, dto: CreateAuthoredTextDto): Promise<{ postId: string }> {
    const [openChat] = await Promise.all([
      this.openChats.exists({ _id: openChatId }),
      this.users.requireAll(dto.authorId),
      this.restrictions.refuseIfRestricted(dto.authorId),
    ]);
    if (!openChat) throw ApiError.notFound('OPEN_CHAT_NOT_FOUND', `Open Chat ${openChatId} does not exist.`);
    const post = await this.posts.create({ _id: newId('post'), openChatId, authorId: dto.authorId, text: dto.text });
    return { postId: post._id };
  }

  /** A post taken down (R10) takes no new comments. */
  async createComment(postId: string, dto: CreateAuthoredTextDto): Promise<{ commentId: string }> {
    const [post, moderation] = await Promise.all([
      this.posts.exists({ _id: postId }),
      this.moderation.stateOf({ kind: 'open_chat_post', id: postId }),
      this.users.requireAll(dto.authorId),
      this.restrictions.refuseIfRestricted(dto.authorId),
    ]);
    if (!post) throw ApiError.notFound('POST_NOT_FOUND', `Post ${postId} does not exist.`);
    if (moderation.removed) throw contentRemoved(postId);
    const comment = await this.comments.create({ _id: newId('cmt'), postId, authorId: dto.authorId, text: dto.text });
    return { commentId: comment._id };
  }

  findPost(postId: string): Promise<Post | null> {
    return this.posts.findById(postId).lean();
  }

  findComment(commentId: string): Promise<Comment | null> {
    return this.comments.findById(commentId).lean();
  }
}
