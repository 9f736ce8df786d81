import { POLICY_CATEGORIES, PolicyCategory } from '../reports/report-reasons';
import { describeMeasure, Measure } from './sanction-ladder';
import type { RestrictionRecordView } from './dto/restriction.view';
import type { SanctionRecord } from './sanction-store.service';
import type { Sanction } from './schemas/sanction.schema';

export const SANCTION_STATUSES = ['active', 'on_record', 'ended', 'lifted', 'overturned'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];
export const APPEAL_STATUSES = ['none', 'pending', 'upheld', 'denied'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

const CONTENT_LABELS: Record<string, string> = {
  chat_message: '1:1 chat message',
  open_chat_post: 'Open Chat post',
  open_chat_comment: 'Open Chat comment',
};

/** The status, computed from the write-once events: overturned, then lifted, then ended wins. */
export function sanctionStatus({ sanction, events }: Pick<SanctionRecord, 'sanction' | 'events'>, now: Date): SanctionStatus {
  const has = (kind: string) => events.some((e) => e.kind === kind);
  if (has('overturned')) return 'overturned';
  if (has('lifted')) return 'lifted';
  if (sanction.measure === 'warning') return 'on_record';
  if (has('ended') || (sanction.endsAt && sanction.endsAt.getTime() <= now.getTime())) return 'ended';
  return 'active';
}

/** When a sanction stopped applying (its end, lift or overturn); undefined while it is in force or on record. */
export function closedAtOf(record: Pick<SanctionRecord, 'sanction' | 'events'>, status: SanctionStatus): Date | undefined {
  if (status === 'active' || status === 'on_record') return undefined;
  return record.events.find((e) => e.kind === status)?.at ?? record.sanction.endsAt;
}

export function appealStatus({ appeal, appealDecision }: Pick<SanctionRecord, 'appeal' | 'appealDecision'>): AppealStatus {
  if (!appeal) return 'none';
  return appealDecision?.outcome ?? 'pending';
}

export function measureOf(sanction: Pick<Sanction, 'measure' | 'days'>): Measure {
  return sanction.measure === 'restriction' ? { kind: 'restriction', days: sanction.days! } : { kind: sanction.measure };
}

export function policyTitle(policy: string): string {
  return POLICY_CATEGORIES[policy as PolicyCategory] ?? policy;
}

/**
 * What the sanctioned person reads (DSA Art. 17 statement of reasons). Built field by field
 * from the sanction, never spread from a document: it names the content, the policy, the
 * measure and how to appeal, and nothing about who reported (R2), not even a report id.
 */
export function restrictionView(record: SanctionRecord, now: Date): RestrictionRecordView {
  const { sanction } = record;
  const status = sanctionStatus(record, now);
  const appeal = appealStatus(record);
  const closedAt = closedAtOf(record, status);
  const canAppeal = appeal === 'none' && status !== 'overturned' && now.getTime() < sanction.appealableUntil.getTime();
  return {
    sanctionId: sanction._id,
    status,
    measure: sanction.measure,
    ...(sanction.days ? { days: sanction.days } : {}),
    startsAt: sanction.startsAt,
    endsAt: sanction.endsAt ?? null,
    ...(closedAt ? { closedAt } : {}),
    statement: {
      measure: describeMeasure(measureOf(sanction)),
      ground: { policy: sanction.policy, title: policyTitle(sanction.policy) },
      content: { kind: sanction.target.kind, id: sanction.target.id },
      facts: factsOf(sanction),
      decidedBy: sanction.source === 'customer_service' ? 'customer service' : 'a moderator',
      automatedDecision: false,
      redress: {
        appealUntil: sanction.appealableUntil,
        canAppeal,
        howToAppeal: `Appeal once, before ${sanction.appealableUntil.toISOString()}, with a short statement; a different moderator reviews it.`,
      },
    },
    appeal: record.appeal
      ? {
          appealId: record.appeal._id,
          status: appeal,
          filedAt: record.appeal.filedAt,
          ...(record.appealDecision ? { decidedAt: record.appealDecision.decidedAt } : {}),
        }
      : null,
  };
}

function factsOf(sanction: Sanction): string {
  const content = `${CONTENT_LABELS[sanction.target.kind] ?? sanction.target.kind} ${sanction.target.id}`;
  const review = sanction.source === 'customer_service' ? 'Customer service reviewed' : 'A moderator reviewed';
  return `${review} your ${content} and found that it violates the operation policy on ${policyTitle(sanction.policy)}.`;
}

/** The statement of reasons as a notice text (R2: no reporter, no report id). */
export function statementNoticeText(sanction: Sanction): string {
  const until = sanction.endsAt ? ` until ${sanction.endsAt.toISOString()}` : '';
  return (
    `${factsOf(sanction)} Measure: ${describeMeasure(measureOf(sanction))}${until}. ` + `You may appeal once before ${sanction.appealableUntil.toISOString()}.`
  );
}

/** What the author of content taken down with this sanction reads beside it (R10; R2: no reporter, no report id). */
export function removalStatementText(sanction: Sanction): string {
  return `${factsOf(sanction)} It is hidden from other users and kept on record. If your appeal against sanction ${sanction._id} is upheld, it is restored.`;
}
