import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { AccountRestrictionCheck } from '../common/account-restriction-check';
import { ApiError } from '../common/api-error';
import { isDuplicateKey } from '../common/database-errors';
import { newId } from '../common/ids';
import { BlocksService } from '../users/blocks.service';
import { UsersService } from '../users/users.service';
import { ChatView, CreateChatDto, PostMessageDto } from './dto/chats.dto';
import { insertOnce } from '../common/insert-once';
import { insertValidated } from '../common/insert-validated';
import { firstMissing } from '../common/read-prefix';
import { Chat, ChatDeletion, chatDeletionId } from './schemas/chat.schema';
import { Message, messageIdAt } from './schemas/message.schema';

const CHAT_VIEW_MESSAGES = 200;
/** Positions taken by concurrent senders in a row before a send gives up (the client retries). */
const SEND_ATTEMPTS = 20;
/** Messages read at once while walking a conversation back from its end. */
const READ_ROUND = 64;

@Injectable()
export class ChatsService {
  constructor(
    @InjectModel(Chat.name) private readonly chats: Model<Chat>,
    @InjectModel(Message.name) private readonly messages: Model<Message>,
    @InjectModel(ChatDeletion.name) private readonly deletions: Model<ChatDeletion>,
    private readonly users: UsersService,
    private readonly blocks: BlocksService,
    private readonly restrictions: AccountRestrictionCheck,
  ) {}

  async create(dto: CreateChatDto): Promise<{ chatId: string }> {
    const [a, b] = dto.memberIds;
    if (a === b) throw ApiError.badRequest('CHAT_NEEDS_TWO_USERS', 'A 1:1 chat needs two different users.');
    await this.users.requireAll(a, b);
    const chat = await this.chats.create({ _id: newId('chat'), memberIds: [a, b] });
    return { chatId: chat._id };
  }

  /**
   * R9: a restricted account stores nothing. R7, R8: a message to a member who blocks the sender
   * is stored for the sender but withheld from that member, decided once as it is sent; the
   * answer is the same as for a delivered one, so the sender is not told of the block.
   */
  async postMessage(chatId: string, dto: PostMessageDto): Promise<{ messageId: string }> {
    const [chat] = await Promise.all([this.requireVisibleTo(chatId, dto.senderId), this.restrictions.refuseIfRestricted(dto.senderId)]);
    const recipients = chat.memberIds.filter((id) => id !== dto.senderId);
    const blockedBy = await Promise.all(recipients.map((id) => this.blocks.isBlocked(id, dto.senderId)));
    const withheldFrom = recipients.filter((_id, i) => blockedBy[i]);
    const message = { chatId, senderId: dto.senderId, text: dto.text, sentAt: new Date(), ...(withheldFrom.length ? { withheldFrom } : {}) };
    // The next free position; a sender that takes it first wins the key, and this one moves on.
    let position = await this.endOf(chatId);
    for (let attempt = 1; ; attempt++, position++) {
      try {
        await insertValidated(this.messages, { _id: messageIdAt(chatId, position), ...message });
        return { messageId: messageIdAt(chatId, position) };
      } catch (error) {
        if (!isDuplicateKey(error) || attempt >= SEND_ATTEMPTS) throw error;
      }
    }
  }

  /** The room as one member sees it; 404 once that member deleted it (R6). */
  async view(chatId: string, userId: string): Promise<ChatView> {
    const chat = await this.requireVisibleTo(chatId, userId);
    const latest = await this.messages
      .find({ chatId, withheldFrom: { $ne: userId } })
      .sort({ sentAt: -1, _id: -1 })
      .limit(CHAT_VIEW_MESSAGES)
      .lean();
    return {
      chatId,
      memberIds: chat.memberIds,
      messages: latest.reverse().map((m) => ({ messageId: m._id, senderId: m.senderId, text: m.text, sentAt: m.sentAt })),
    };
  }

  async findMessage(messageId: string): Promise<Message | null> {
    return this.messages.findById(messageId).lean();
  }

  async findChat(chatId: string): Promise<Chat | null> {
    return this.chats.findById(chatId).lean();
  }

  /** The room if `userId` is a member who has not deleted it (R6), else null. */
  async visibleChat(chatId: string, userId: string): Promise<Chat | null> {
    const [chat, deleted] = await Promise.all([this.findChat(chatId), this.deletions.exists({ _id: chatDeletionId(chatId, userId) })]);
    return chat && chat.memberIds.includes(userId) && !deleted ? chat : null;
  }

  /**
   * The most recent `limit` messages sent up to `cutoff`, oldest first, and whether older ones
   * were left out: read back from the chat's end by position, skipping those sent after `cutoff`.
   */
  async conversationUpTo(chatId: string, cutoff: Date, limit: number): Promise<{ messages: Message[]; truncated: boolean }> {
    const newestFirst: Message[] = [];
    for (let end = await this.endOf(chatId); end > 0 && newestFirst.length <= limit;) {
      const from = Math.max(0, end - Math.min(READ_ROUND, limit + 1 - newestFirst.length));
      const round = await Promise.all(Array.from({ length: end - from }, (_, i) => this.findMessage(messageIdAt(chatId, from + i))));
      for (const message of round.reverse()) {
        if (message && message.sentAt.getTime() <= cutoff.getTime()) newestFirst.push(message);
      }
      end = from;
    }
    return { messages: newestFirst.slice(0, limit).reverse(), truncated: newestFirst.length > limit };
  }

  /** The chat's first free message position. */
  private endOf(chatId: string): Promise<number> {
    return firstMissing(async (position) => (await this.messages.exists({ _id: messageIdAt(chatId, position) })) !== null, 0);
  }

  /** R6: removes the room from one member's list; idempotent. */
  async deleteForUser(chatId: string, userId: string): Promise<void> {
    await insertOnce(this.deletions, { _id: chatDeletionId(chatId, userId), chatId, userId, at: new Date() });
  }

  private async requireVisibleTo(chatId: string, userId: string): Promise<Chat> {
    const chat = await this.visibleChat(chatId, userId);
    if (!chat) {
      throw ApiError.notFound('CHAT_NOT_FOUND', `Chat ${chatId} does not exist for user ${userId}.`);
    }
    return chat;
  }
}
