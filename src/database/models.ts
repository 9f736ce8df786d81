import type { Schema } from 'mongoose';
import { CaseEvent, CaseEventSchema } from '../cases/schemas/case-event.schema';
import { ModerationCase, ModerationCaseSchema } from '../cases/schemas/moderation-case.schema';
import { Chat, ChatDeletion, ChatDeletionSchema, ChatSchema } from '../chats/schemas/chat.schema';
import { Message, MessageSchema } from '../chats/schemas/message.schema';
import { CsTicket, CsTicketSchema } from '../customer-service/schemas/cs-ticket.schema';
import { TicketResolution, TicketResolutionSchema } from '../customer-service/schemas/ticket-resolution.schema';
import { EvidenceAccess, EvidenceAccessSchema } from '../evidence/schemas/evidence-access.schema';
import { EvidenceItem, EvidenceItemSchema } from '../evidence/schemas/evidence-item.schema';
import { EvidenceSet, EvidenceSetSchema } from '../evidence/schemas/evidence-set.schema';
import { Comment, CommentSchema } from '../open-chats/schemas/comment.schema';
import { ContentModerationEvent, ContentModerationEventSchema } from '../open-chats/schemas/content-moderation-event.schema';
import { OpenChat, OpenChatSchema } from '../open-chats/schemas/open-chat.schema';
import { Post, PostSchema } from '../open-chats/schemas/post.schema';
import { FalseReportStrike, FalseReportStrikeSchema } from '../reporter-standing/schemas/false-report-strike.schema';
import { ReportingRestriction, ReportingRestrictionSchema } from '../reporter-standing/schemas/reporting-restriction.schema';
import { Notice, NoticeSchema } from '../notices/schemas/notice.schema';
import { NoticeDelivery, NoticeDeliverySchema } from '../notices/schemas/notice-delivery.schema';
import { QueueFeedEntry, QueueFeedEntrySchema } from '../queue-feed/schemas/queue-feed-entry.schema';
import { Report, ReportSchema } from '../reports/schemas/report.schema';
import { AppealDecision, AppealDecisionSchema, SanctionAppeal, SanctionAppealSchema } from '../sanctions/schemas/sanction-appeal.schema';
import { SanctionEvent, SanctionEventSchema } from '../sanctions/schemas/sanction-event.schema';
import { Sanction, SanctionSchema } from '../sanctions/schemas/sanction.schema';
import { BlockEvent, BlockEventSchema } from '../users/schemas/block.schema';
import { Friendship, FriendshipSchema } from '../users/schemas/friendship.schema';
import { User, UserSchema } from '../users/schemas/user.schema';
import { KeyIndexEntry, KeyIndexEntrySchema } from '../common/key-index';

/** Every collection the service owns, for `npm run migrate`; a new schema belongs here too. */
export const ALL_MODELS: Array<{ name: string; schema: Schema }> = [
  { name: User.name, schema: UserSchema },
  { name: Friendship.name, schema: FriendshipSchema },
  { name: BlockEvent.name, schema: BlockEventSchema },
  { name: Chat.name, schema: ChatSchema },
  { name: ChatDeletion.name, schema: ChatDeletionSchema },
  { name: Message.name, schema: MessageSchema },
  { name: OpenChat.name, schema: OpenChatSchema },
  { name: Post.name, schema: PostSchema },
  { name: Comment.name, schema: CommentSchema },
  { name: ContentModerationEvent.name, schema: ContentModerationEventSchema },
  { name: Report.name, schema: ReportSchema },
  { name: EvidenceSet.name, schema: EvidenceSetSchema },
  { name: EvidenceItem.name, schema: EvidenceItemSchema },
  { name: EvidenceAccess.name, schema: EvidenceAccessSchema },
  { name: CsTicket.name, schema: CsTicketSchema },
  { name: FalseReportStrike.name, schema: FalseReportStrikeSchema },
  { name: ReportingRestriction.name, schema: ReportingRestrictionSchema },
  { name: Notice.name, schema: NoticeSchema },
  { name: NoticeDelivery.name, schema: NoticeDeliverySchema },
  { name: ModerationCase.name, schema: ModerationCaseSchema },
  { name: CaseEvent.name, schema: CaseEventSchema },
  { name: QueueFeedEntry.name, schema: QueueFeedEntrySchema },
  { name: TicketResolution.name, schema: TicketResolutionSchema },
  { name: Sanction.name, schema: SanctionSchema },
  { name: SanctionEvent.name, schema: SanctionEventSchema },
  { name: SanctionAppeal.name, schema: SanctionAppealSchema },
  { name: AppealDecision.name, schema: AppealDecisionSchema },
  { name: KeyIndexEntry.name, schema: KeyIndexEntrySchema },
];
