import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { IdPipe } from '../common/id.pipe';
import { DecideAppealDto, LiftSanctionDto, ListAppealsQuery } from './dto/sanctions.dto';
import { AccountSanctionView, AppealDecisionView, AppealListPage } from './dto/staff-sanction.views';
import { SanctionActionsService } from './sanction-actions.service';

@ApiTags('sanctions')
@Controller('v1')
export class SanctionActionsController {
  constructor(private readonly actions: SanctionActionsService) {}

  @Access('moderator')
  @Get('moderation/appeals')
  @ApiOkResponse({ type: AppealListPage })
  appeals(@Query() query: ListAppealsQuery): Promise<AppealListPage> {
    return this.actions.listAppeals(query);
  }

  @Access('moderator')
  @Post('moderation/appeals/:appealId/decide')
  @ApiNotFoundResponse({ description: 'APPEAL_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: AppealDecisionView, description: 'The decided appeal (an upheld one overturns the sanction).' })
  @ApiForbiddenResponse({ description: 'APPEAL_NEEDS_ANOTHER_MODERATOR, MODERATOR_CONFLICT_OF_INTEREST' })
  @ApiConflictResponse({ description: 'APPEAL_ALREADY_DECIDED' })
  decide(@Param('appealId', IdPipe) appealId: string, @Body() dto: DecideAppealDto, @CurrentPrincipal() moderator: Principal): Promise<AppealDecisionView> {
    return this.actions.decideAppeal(appealId, moderator.sub, dto);
  }

  @Access('support')
  @Post('cs/sanctions/:sanctionId/lift')
  @ApiNotFoundResponse({ description: 'SANCTION_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: AccountSanctionView, description: 'The lifted sanction.' })
  @ApiConflictResponse({ description: 'SANCTION_NOT_ACTIVE' })
  lift(@Param('sanctionId', IdPipe) sanctionId: string, @Body() dto: LiftSanctionDto, @CurrentPrincipal() staff: Principal): Promise<AccountSanctionView> {
    return this.actions.lift(sanctionId, staff.sub, dto);
  }
}
