import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { UsersService } from '../users/users.service';
import type { ContentModerationState } from './content-moderation-state';
import { ContentModerationLog, contentRemoved } from './content-moderation.service';
import { BoardPage, BoardQuery, CommentView, PostView, PostWithCommentsView } from './dto/board.dto';
import { beforePost, decodePostCursor, encodePostCursor } from './post-cursor';
import { Comment } from './schemas/comment.schema';
import { OpenChat } from './schemas/open-chat.schema';
import { Post } from './schemas/post.schema';

/** Comments shown with a post, oldest first. */
const MAX_COMMENTS = 500;

/**
 * The board and a post as one user sees them. Content taken down on an approved report (R10) is
 * hidden from everyone but its author, who sees it marked `removed` with the policy and the
 * statement of reasons, and nothing of who reported it (R2). The content stays stored (R6).
 */
@Injectable()
export class BoardService {
  constructor(
    @InjectModel(OpenChat.name) private readonly openChats: Model<OpenChat>,
    @InjectModel(Post.name) private readonly posts: Model<Post>,
    @InjectModel(Comment.name) private readonly comments: Model<Comment>,
    private readonly users: UsersService,
    private readonly moderation: ContentModerationLog,
  ) {}

  async board(openChatId: string, query: BoardQuery): Promise<BoardPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodePostCursor(query.cursor) : undefined;
    const [openChat] = await Promise.all([this.openChats.exists({ _id: openChatId }), this.users.requireAll(query.viewerId)]);
    if (!openChat) throw ApiError.notFound('OPEN_CHAT_NOT_FOUND', `Open Chat ${openChatId} does not exist.`);
    const page = await this.posts
      .find({ openChatId, ...(after ? beforePost(after) : {}) })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean();
    const states = await this.moderation.statesOf(page.map((post) => ({ kind: 'open_chat_post', id: post._id })));
    const items = page.flatMap((post) => visibleTo(query.viewerId, post.authorId, states.get(post._id)!, () => postView(post)));
    // The cursor follows the posts read, not the ones shown: hidden posts must not end the board early.
    const last = page.at(-1);
    return { items, nextCursor: page.length === limit && last ? encodePostCursor({ createdAt: last.createdAt, id: last._id }) : null };
  }

  async post(postId: string, viewerId: string): Promise<PostWithCommentsView> {
    const [post] = await Promise.all([this.posts.findById(postId).lean(), this.users.requireAll(viewerId)]);
    if (!post) throw ApiError.notFound('POST_NOT_FOUND', `Post ${postId} does not exist.`);
    const [view] = visibleTo(viewerId, post.authorId, await this.moderation.stateOf({ kind: 'open_chat_post', id: postId }), () => postView(post));
    if (!view) throw contentRemoved(postId);
    const comments = await this.comments.find({ postId }).sort({ createdAt: 1, _id: 1 }).limit(MAX_COMMENTS).lean();
    const states = await this.moderation.statesOf(comments.map((comment) => ({ kind: 'open_chat_comment', id: comment._id })));
    return {
      ...view,
      comments: comments.flatMap((comment) => visibleTo(viewerId, comment.authorId, states.get(comment._id)!, () => commentView(comment))),
    };
  }
}

/** The item for `viewerId`: as is when not removed, marked for its author, absent for anyone else. */
function visibleTo<V>(viewerId: string, authorId: string, state: ContentModerationState, view: () => V): Array<V & { removed: PostView['removed'] }> {
  if (!state.removed) return [{ ...view(), removed: null }];
  if (viewerId !== authorId) return [];
  const { policy, at, statementOfReasons } = state.removed;
  return [{ ...view(), removed: { policy, at, statementOfReasons } }];
}

function postView(post: Post): Omit<PostView, 'removed'> {
  return { postId: post._id, openChatId: post.openChatId, authorId: post.authorId, text: post.text, createdAt: post.createdAt };
}

function commentView(comment: Comment): Omit<CommentView, 'removed'> {
  return { commentId: comment._id, postId: comment.postId, authorId: comment.authorId, text: comment.text, createdAt: comment.createdAt };
}
