import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createChatActivities(deps: ActivityDeps) {
  return {
    /** R6: the reporter's copy of the room goes; the other member's view stays as it was. */
    async deleteChatRoom({ reportId }: ReportRef): Promise<void> {
      const report = await requireReport(deps, reportId);
      if (!report.chatId) return;
      await deps.chats.deleteForUser(report.chatId, report.reporterId);
      await deps.reports.recordStep(reportId, 'chat_room_deleted');
    },
  };
}
