import { Global, Module } from '@nestjs/common';
import { AccountRestrictionCheck } from '../common/account-restriction-check';
import { AccountRestrictions } from './account-restrictions.service';
import { SanctionStoreModule } from './sanction-store.module';

/**
 * R9 enforced where content is written: global, so the chats and Open Chats modules receive the
 * check without importing the sanctions feature (which imports them through reports).
 */
@Global()
@Module({
  imports: [SanctionStoreModule],
  providers: [AccountRestrictions, { provide: AccountRestrictionCheck, useExisting: AccountRestrictions }],
  exports: [AccountRestrictionCheck, AccountRestrictions],
})
export class EnforcementModule {}
