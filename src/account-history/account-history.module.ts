import { Module } from '@nestjs/common';
import { OpenChatsModule } from '../open-chats/open-chats.module';
import { ReportStoreModule } from '../reports/report-store.module';
import { SanctionStoreModule } from '../sanctions/sanction-store.module';
import { UsersModule } from '../users/users.module';
import { AccountHistoryController } from './account-history.controller';
import { AccountHistory } from './account-history.service';

/** The reported account's history for moderators: reports, sanctions, appeals, one timeline. */
@Module({
  imports: [UsersModule, ReportStoreModule, SanctionStoreModule, OpenChatsModule],
  controllers: [AccountHistoryController],
  providers: [AccountHistory],
  exports: [AccountHistory],
})
export class AccountHistoryModule {}
