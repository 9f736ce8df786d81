import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { IdPipe } from '../common/id.pipe';
import { AccountHistory } from './account-history.service';
import { AccountHistoryView } from './dto/account-history.views';

@ApiTags('moderation')
@Controller('v1/moderation/users')
export class AccountHistoryController {
  constructor(private readonly histories: AccountHistory) {}

  @Access('moderator')
  @Get(':userId/history')
  @ApiOkResponse({ type: AccountHistoryView, description: 'Reports about the account by outcome, its sanctions, appeals and a timeline.' })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  history(@Param('userId', IdPipe) userId: string): Promise<AccountHistoryView> {
    return this.histories.historyOf(userId);
  }
}
