import type { EvidenceReceipt } from '../workflows/definitions';
import { ActivityDeps, ReportRef, requireReport } from './deps';
import { OpensReview, ReviewOpened, openingReview, reviewOpening } from './review.activities';

/**
 * Reports filed since patch `evidence-and-room-in-one-step` delete the reporter's chat room in
 * the evidence step (one step, one report write fewer); older ones run `deleteChatRoom` after it.
 */
export interface DeletesRoom {
  deleteRoom?: boolean;
}

export function createEvidenceActivities(deps: ActivityDeps) {
  return {
    /**
     * R6: snapshot the reported content; returns ids and digests only, never content. Asked to,
     * then deletes the reporter's copy of the chat room: only once its messages are kept.
     */
    async storeEvidence({ reportId, openReview, withCaseDecision, deleteRoom }: ReportRef & OpensReview & DeletesRoom): Promise<EvidenceReceipt & Partial<ReviewOpened>> {
      const report = await requireReport(deps, reportId);
      const receipt = await deps.evidence.capture({
        reportId,
        target: report.target,
        chatId: report.chatId,
        cutoff: report.createdAt,
        maxMessages: deps.settings.evidenceMaxMessages,
      });
      const roomToDelete = deleteRoom ? report.chatId : undefined;
      if (roomToDelete) await deps.chats.deleteForUser(roomToDelete, report.reporterId);
      const summary = `${receipt.itemCount} items`;
      const alsoSteps = roomToDelete ? ['chat_room_deleted'] : [];
      if (!openReview) {
        await deps.reports.recordStep(report, 'evidence_stored', { evidence: receipt }, summary, alsoSteps);
        return receipt;
      }
      // One write for the steps: the evidence is kept (the room gone) and the report waits for a moderator.
      const opened = await openingReview(deps, report, () =>
        deps.reports.recordStep(report, 'evidence_stored', { evidence: receipt, ...reviewOpening() }, summary, [...alsoSteps, 'review_opened']),
      );
      return withCaseDecision ? { ...receipt, ...opened } : receipt;
    },
  };
}
