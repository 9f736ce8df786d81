import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ReportTargetRecord } from '../../reports/schemas/report.schema';
import type { Escalation } from '../../reports/escalation';

export const TICKET_KINDS = ['report_decided', 'review_overdue', 'report_expired'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const TICKET_STATUSES = ['open', 'resolved'] as const;
export const TICKET_PRIORITIES = ['high', 'normal'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export function ticketId(kind: TicketKind, reportId: string): string {
  return `${kind}-${reportId}`;
}

/**
 * R9: an item on the customer-service escalation path, write-once. `_id` is `${kind}-${reportId}`:
 * one ticket of each kind per report, however often the activity runs. Its status is derived
 * from its write-once resolution (`cs_ticket_resolutions`, same `_id`), never updated here: a
 * retried open racing a resolve would be two writers of one document.
 */
@Schema({ collection: 'cs_tickets', timestamps: true, versionKey: false })
export class CsTicket {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true, enum: TICKET_KINDS })
  kind: TicketKind;

  @Prop({ required: true, index: true })
  reportId: string;

  @Prop({ type: String, required: true, enum: TICKET_PRIORITIES })
  priority: TicketPriority;

  /** R9: why the report came with high priority and the reporter was told how CS follows up. */
  @Prop({ type: String, enum: ['illegal_content', 'moderator'] })
  escalation?: Escalation;

  @Prop({ required: true })
  summary: string;

  @Prop({ type: SchemaFactory.createForClass(ReportTargetRecord), required: true })
  target: ReportTargetRecord;

  @Prop({ type: [String], required: true })
  reasons: string[];

  @Prop({ type: [String], required: true })
  policyCategories: string[];

  /** CS measures (R9) are taken on this account. */
  @Prop({ required: true })
  reportedUserId: string;

  @Prop({ required: true })
  reporterId: string;

  @Prop({ type: Object })
  decision?: { outcome: string; policy?: string; moderatorId: string; note?: string; falseReport?: boolean; escalate?: boolean };

  @Prop({ type: Object })
  evidence?: { evidenceSetId: string; rootDigest: string; itemCount: number };

  createdAt: Date;
}

export const CsTicketSchema = SchemaFactory.createForClass(CsTicket);
CsTicketSchema.index({ priority: 1, createdAt: 1 });
