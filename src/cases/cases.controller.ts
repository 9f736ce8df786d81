import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { ApproveReportDto, RejectReportDto } from './dto/decision.dto';
import { CaseActions } from './case-actions.service';
import { ApiCaseIdParam, CaseIdPipe } from './case-id.pipe';
import { CaseViews } from './case-views.service';
import { CaseQueueQuery } from './dto/case-requests.dto';
import { CaseClaimResult, CaseDecisionAccepted, CaseQueuePage, CaseView } from './dto/case.views';

/** Cases: all reports on one message, post or comment, worked as one. The moderator is the token's subject. */
@ApiTags('moderation')
@Controller('v1/moderation')
export class CasesController {
  constructor(
    private readonly views: CaseViews,
    private readonly actions: CaseActions,
  ) {}

  @Access('moderator')
  @Get('queue')
  @ApiOkResponse({ type: CaseQueuePage, description: 'Cases with reports awaiting review: priority weight, then oldest report first.' })
  queue(@Query() query: CaseQueueQuery, @CurrentPrincipal() moderator: Principal): Promise<CaseQueuePage> {
    return this.views.queue(query, moderator.sub);
  }

  @Access('moderator')
  @Get('cases/:caseId')
  @ApiCaseIdParam()
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  view(@Param('caseId', CaseIdPipe) caseId: string): Promise<CaseView> {
    return this.views.view(caseId);
  }

  @Access('moderator')
  @Post('cases/:caseId/claim')
  @ApiCaseIdParam()
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseClaimResult, description: 'Claimed (or renewed) until claim.expiresAt.' })
  @ApiConflictResponse({ description: 'CASE_ALREADY_CLAIMED (details.claimedBy, details.expiresAt) or CASE_ALREADY_DECIDED' })
  @ApiForbiddenResponse({ description: 'MODERATOR_CONFLICT_OF_INTEREST' })
  claim(@Param('caseId', CaseIdPipe) caseId: string, @CurrentPrincipal() moderator: Principal): Promise<CaseClaimResult> {
    return this.actions.claim(caseId, moderator.sub);
  }

  @Access('moderator')
  @Post('cases/:caseId/unclaim')
  @ApiCaseIdParam()
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseClaimResult })
  @ApiConflictResponse({ description: 'CASE_NOT_CLAIMED (not claimed by this moderator)' })
  unclaim(@Param('caseId', CaseIdPipe) caseId: string, @CurrentPrincipal() moderator: Principal): Promise<CaseClaimResult> {
    return this.actions.unclaim(caseId, moderator.sub);
  }

  @Access('moderator')
  @Post('cases/:caseId/approve')
  @ApiCaseIdParam()
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: CaseDecisionAccepted,
    description: 'The delivery workflow has started; each open report is approved by its own workflow (R7 block, R9 ticket).',
  })
  @ApiConflictResponse({ description: 'CASE_ALREADY_DECIDED, CASE_ALREADY_CLAIMED or CASE_HAS_NO_OPEN_REPORTS' })
  @ApiForbiddenResponse({ description: 'MODERATOR_CONFLICT_OF_INTEREST' })
  approve(@Param('caseId', CaseIdPipe) caseId: string, @Body() dto: ApproveReportDto, @CurrentPrincipal() moderator: Principal): Promise<CaseDecisionAccepted> {
    return this.actions.decide(caseId, { outcome: 'approved', ...dto, moderatorId: moderator.sub });
  }

  @Access('moderator')
  @Post('cases/:caseId/reject')
  @ApiCaseIdParam()
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  @HttpCode(202)
  @ApiAcceptedResponse({ type: CaseDecisionAccepted, description: "As approve; falseReport is a strike against each open report's reporter (R3)." })
  @ApiConflictResponse({ description: 'CASE_ALREADY_DECIDED, CASE_ALREADY_CLAIMED or CASE_HAS_NO_OPEN_REPORTS' })
  @ApiForbiddenResponse({ description: 'MODERATOR_CONFLICT_OF_INTEREST' })
  reject(@Param('caseId', CaseIdPipe) caseId: string, @Body() dto: RejectReportDto, @CurrentPrincipal() moderator: Principal): Promise<CaseDecisionAccepted> {
    return this.actions.decide(caseId, { outcome: 'rejected', ...dto, moderatorId: moderator.sub });
  }

  @Access('moderator')
  @Post('cases/:caseId/reopen')
  @ApiCaseIdParam()
  @ApiNotFoundResponse({ description: 'CASE_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: CaseView, description: 'New reports on the target queue again instead of taking the last decision.' })
  @ApiConflictResponse({ description: 'CASE_NOT_DECIDED' })
  reopen(@Param('caseId', CaseIdPipe) caseId: string, @CurrentPrincipal() moderator: Principal): Promise<CaseView> {
    return this.actions.reopen(caseId, moderator.sub);
  }
}
