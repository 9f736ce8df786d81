import { Injectable } from '@nestjs/common';
import { ChatsService } from '../chats/chats.service';
import { OpenChatsService } from '../open-chats/open-chats.service';

/** How much of the reported text a queue item shows. */
export const PREVIEW_LENGTH = 140;

/** The start of the reported text, for the queue; null when the content is gone. */
@Injectable()
export class ContentPreview {
  constructor(
    private readonly chats: ChatsService,
    private readonly openChats: OpenChatsService,
  ) {}

  async of(target: { kind: string; id: string }): Promise<string | null> {
    const content =
      target.kind === 'chat_message'
        ? await this.chats.findMessage(target.id)
        : target.kind === 'open_chat_post'
          ? await this.openChats.findPost(target.id)
          : await this.openChats.findComment(target.id);
    if (!content) return null;
    return content.text.length > PREVIEW_LENGTH ? `${content.text.slice(0, PREVIEW_LENGTH - 1)}…` : content.text;
  }
}
