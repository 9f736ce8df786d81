import { Injectable } from '@nestjs/common';
import type { ReportTarget } from '../../workflows/definitions';
import { ChatsService } from '../chats/chats.service';
import { ApiError } from '../common/api-error';
import { OpenChatsService } from '../open-chats/open-chats.service';

export interface ResolvedTarget {
  reportedUserId: string;
  chatId?: string;
}

/** Finds who wrote the reported content, as the reporter is allowed to see it. */
@Injectable()
export class TargetResolver {
  constructor(
    private readonly chats: ChatsService,
    private readonly openChats: OpenChatsService,
  ) {}

  /**
   * `alongside` runs with the author's id as soon as it is known, in parallel with the rest of
   * the lookup (filing passes the friend check, R4, to save a database round trip); its
   * result is returned only if the target resolves.
   */
  async resolve<T = undefined>(
    reporterId: string,
    target: ReportTarget,
    alongside: (authorId: string) => Promise<T> = () => Promise.resolve(undefined as T),
  ): Promise<ResolvedTarget & { alongside: T }> {
    const resolved = await this.find(reporterId, target, alongside);
    if (!resolved) throw ApiError.notFound('TARGET_NOT_FOUND', `No ${target.kind} ${target.id} that ${reporterId} can report.`);
    if (resolved.reportedUserId === reporterId) {
      throw ApiError.badRequest('CANNOT_REPORT_OWN_CONTENT', 'You cannot report your own message, post or comment.');
    }
    return { ...resolved, alongside: await resolved.alongside };
  }

  private async find<T>(
    reporterId: string,
    target: ReportTarget,
    alongside: (authorId: string) => Promise<T>,
  ): Promise<(ResolvedTarget & { alongside: Promise<T> }) | null> {
    switch (target.kind) {
      case 'chat_message': {
        const message = await this.chats.findMessage(target.id);
        if (!message) return null;
        const running = settled(alongside(message.senderId));
        // Only a member who still has the room can report its messages.
        const chat = await this.chats.visibleChat(message.chatId, reporterId);
        if (!chat) return null;
        return { reportedUserId: message.senderId, chatId: chat._id, alongside: running };
      }
      case 'open_chat_post': {
        const post = await this.openChats.findPost(target.id);
        return post ? { reportedUserId: post.authorId, alongside: settled(alongside(post.authorId)) } : null;
      }
      case 'open_chat_comment': {
        const comment = await this.openChats.findComment(target.id);
        return comment ? { reportedUserId: comment.authorId, alongside: settled(alongside(comment.authorId)) } : null;
      }
    }
  }
}

/** A promise whose failure surfaces only when awaited (no unhandled rejection if it never is). */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
