import { Injectable } from '@nestjs/common';
import type { ReportTarget } from '../../workflows/definitions';
import { ChatsService, isVisibleTo } from '../chats/chats.service';
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

  async resolve(reporterId: string, target: ReportTarget): Promise<ResolvedTarget> {
    const resolved = await this.find(reporterId, target);
    if (!resolved) throw ApiError.notFound('TARGET_NOT_FOUND', `No ${target.kind} ${target.id} that ${reporterId} can report.`);
    if (resolved.reportedUserId === reporterId) {
      throw ApiError.badRequest('CANNOT_REPORT_OWN_CONTENT', 'You cannot report your own message, post or comment.');
    }
    return resolved;
  }

  private async find(reporterId: string, target: ReportTarget): Promise<ResolvedTarget | null> {
    switch (target.kind) {
      case 'chat_message': {
        const message = await this.chats.findMessage(target.id);
        const chat = message ? await this.chats.findChat(message.chatId) : null;
        // Only a member who still has the room can report its messages.
        if (!message || !chat || !isVisibleTo(chat, reporterId)) return null;
        return { reportedUserId: message.senderId, chatId: chat._id };
      }
      case 'open_chat_post': {
        const post = await this.openChats.findPost(target.id);
        return post ? { reportedUserId: post.authorId } : null;
      }
      case 'open_chat_comment': {
        const comment = await this.openChats.findComment(target.id);
        return comment ? { reportedUserId: comment.authorId } : null;
      }
    }
  }
}
