import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { REPORT_STATUSES, ReportStatus, TARGET_KINDS, TargetKind } from '../../../workflows/definitions';

@Schema({ _id: false, versionKey: false })
export class ReportTargetRecord {
  @Prop({ type: String, required: true, enum: TARGET_KINDS })
  kind: TargetKind;

  @Prop({ required: true })
  id: string;
}

@Schema({ _id: false, versionKey: false })
export class DecisionRecord {
  @Prop({ type: String, required: true, enum: ['approved', 'rejected'] })
  outcome: 'approved' | 'rejected';

  @Prop({ required: true })
  moderatorId: string;

  /** R10: the operation-policy category the decision applied. */
  @Prop()
  policy?: string;

  @Prop()
  note?: string;

  @Prop()
  falseReport?: boolean;

  /** R9: the moderator sent the report to customer service with high priority. */
  @Prop()
  escalate?: boolean;
  /** The case decision this report took, when it was decided with its case. */
  @Prop()
  caseDecisionId?: string;

  @Prop({ required: true })
  decidedAt: Date;
}

@Schema({ _id: false, versionKey: false })
export class TimelineEntry {
  @Prop({ required: true })
  at: Date;

  @Prop()
  detail?: string;
}

/**
 * One report and the projection of its workflow's progress. Only workflow activities change
 * it after filing; each step writes once, guarded by "timeline.<step> is absent".
 */
@Schema({ collection: 'reports', timestamps: true, versionKey: false, minimize: false })
export class Report {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true })
  reporterId: string;

  @Prop({ required: true })
  reportedUserId: string;

  @Prop({ type: SchemaFactory.createForClass(ReportTargetRecord), required: true })
  target: ReportTargetRecord;

  @Prop()
  chatId?: string;

  @Prop({ type: [String], required: true })
  reasons: string[];

  @Prop({ type: [String], required: true })
  policyCategories: string[];

  @Prop()
  details?: string;

  @Prop({ type: String, required: true, enum: REPORT_STATUSES })
  status: ReportStatus;

  @Prop({ required: true })
  workflowId: string;

  @Prop()
  idempotencyKey?: string;

  @Prop({ type: Object })
  evidence?: { evidenceSetId: string; rootDigest: string; itemCount: number };

  @Prop({ type: SchemaFactory.createForClass(DecisionRecord) })
  decision?: DecisionRecord;

  @Prop()
  reviewOpenedAt?: Date;

  @Prop()
  reviewOverdueAt?: Date;

  @Prop()
  autoBlock?: string;

  /** Step name -> when it happened; a map, not an array, so "write once" is a simple filter. */
  @Prop({ type: Object, default: {} })
  timeline: Record<string, TimelineEntry>;

  createdAt: Date;
  updatedAt: Date;
}

export const ReportSchema = SchemaFactory.createForClass(Report);
// The moderation queue: awaiting review, oldest first.
ReportSchema.index({ status: 1, reviewOpenedAt: 1, _id: 1 });
ReportSchema.index({ reporterId: 1, createdAt: -1 });
// The account history: the reports about one user, newest first.
ReportSchema.index({ reportedUserId: 1, createdAt: -1 });
// A case: every report on one target (a case decision's open reports; the case view).
ReportSchema.index({ 'target.id': 1, 'target.kind': 1, createdAt: 1 });
