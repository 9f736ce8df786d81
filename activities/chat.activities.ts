import { ActivityDeps, ReportRef, requireReport } from './deps';
import { OpensReview, ReviewOpened, openingReview, reviewOpening } from './review.activities';

export function createChatActivities(deps: ActivityDeps) {
  return {
    /** R6: the reporter's copy of the room goes; the other member's view stays as it was. */
    async deleteChatRoom({ reportId, openReview, withCaseDecision }: ReportRef & OpensReview): Promise<ReviewOpened | void> {
      const report = await requireReport(deps, reportId);
      if (report.chatId) await deps.chats.deleteForUser(report.chatId, report.reporterId);
      else if (!openReview) return;
      if (!openReview) {
        await deps.reports.recordStep(report, 'chat_room_deleted', {});
        return;
      }
      // One write for both steps: the room is gone and the report waits for a moderator.
      const opened = await openingReview(deps, report, () => deps.reports.recordStep(report, 'chat_room_deleted', reviewOpening(), undefined, ['review_opened']));
      if (withCaseDecision) return opened;
    },
  };
}
