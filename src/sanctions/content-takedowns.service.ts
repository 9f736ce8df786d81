import { Injectable } from '@nestjs/common';
import type { RemovalOutcome, RestoreOutcome } from '../open-chats/content-moderation-state';
import { ContentModerationLog } from '../open-chats/content-moderation.service';
import { MODERATED_KINDS, ModeratedKind } from '../open-chats/schemas/content-moderation-event.schema';
import type { Report } from '../reports/schemas/report.schema';
import { removalStatementText } from './sanction-statement';
import { SanctionStore } from './sanction-store.service';
import { contentSanctionId } from './sanctions.service';

export type TakedownOutcome = RemovalOutcome | 'not_approved' | 'not_open_chat_content';
export type RestorationOutcome = RestoreOutcome | 'not_a_takedown_sanction';

/**
 * R10: an approved report takes its Open Chat post or comment down, with the sanction its
 * approval placed on the author; the upheld appeal against that sanction puts it back. A 1:1
 * message is never taken down: the room goes for the reporter alone (R6).
 */
@Injectable()
export class ContentTakedowns {
  constructor(
    private readonly store: SanctionStore,
    private readonly log: ContentModerationLog,
  ) {}

  /** After the sanction step: the removal carries that sanction's policy and statement of reasons. */
  async takeDown(report: Pick<Report, '_id' | 'target' | 'reportedUserId' | 'decision'>): Promise<TakedownOutcome> {
    if (report.decision?.outcome !== 'approved') return 'not_approved';
    if (!isModerated(report.target.kind)) return 'not_open_chat_content';
    const sanctionId = contentSanctionId(report.reportedUserId, report.target);
    const sanction = await this.store.find(sanctionId);
    // The sanction step runs first; a retry of this step finds it.
    if (!sanction) throw new Error(`sanction ${sanctionId} of report ${report._id} is not issued yet`);
    return this.log.remove(
      { kind: report.target.kind, id: report.target.id },
      { reportId: report._id, sanctionId, policy: sanction.policy, statementOfReasons: removalStatementText(sanction) },
    );
  }

  /** An upheld appeal against the sanction that went with a take-down restores the content, once per appeal. */
  async restore(sanctionId: string, appealId: string): Promise<RestorationOutcome> {
    const sanction = await this.store.find(sanctionId);
    const kind = sanction?.target.kind;
    // A CS measure on the same content is a sanction of its own: overturning it leaves the take-down.
    if (!sanction || !isModerated(kind) || sanctionId !== contentSanctionId(sanction.userId, sanction.target)) return 'not_a_takedown_sanction';
    return this.log.restore({ kind, id: sanction.target.id }, { sanctionId, appealId });
  }
}

function isModerated(kind: string | undefined): kind is ModeratedKind {
  return MODERATED_KINDS.includes(kind as ModeratedKind);
}
