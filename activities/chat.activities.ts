import { ActivityDeps, ReportRef, requireReport } from './deps';

export function createChatActivities(deps: ActivityDeps) {
  return {
    /**
     * R6: the reporter's copy of the 1:1 room goes; the other member's view stays as it was. The
     * workflow runs this only after `storeEvidence`, so the conversation is kept first.
     */
    async deleteChatRoom({ reportId }: ReportRef): Promise<void> {
      const report = await requireReport(deps, reportId);
      if (report.chatId) await deps.chats.deleteForUser(report.chatId, report.reporterId);
      await deps.reports.recordStep(report, 'chat_room_deleted');
    },
  };
}
