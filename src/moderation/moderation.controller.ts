import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { ApproveReportDto, RejectReportDto } from '../cases/dto/decision.dto';
import { ReportDecisionView, ReporterStandingView } from './dto/moderation.views';
import { ModerationService } from './moderation.service';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';

@ApiTags('moderation')
@Controller('v1')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Access('moderator')
  @Get('moderation/reporters/:userId')
  @ApiOkResponse({ type: ReporterStandingView, description: 'R3: a user never seen as a reporter has all counts 0.' })
  reporter(@Param('userId', IdPipe) userId: string): Promise<ReporterStandingView> {
    return this.moderation.reporterStanding(userId);
  }

  @Access('moderator')
  @Post('reports/:reportId/approve')
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDecisionView, description: 'The decision is recorded and the workflow moves on.' })
  @ApiConflictResponse({ description: 'REPORT_ALREADY_DECIDED or REPORT_NOT_REVIEWABLE' })
  approve(@Param('reportId', IdPipe) reportId: string, @Body() dto: ApproveReportDto, @CurrentPrincipal() moderator: Principal): Promise<ReportDecisionView> {
    return this.moderation.decide(reportId, { outcome: 'approved', ...dto, moderatorId: moderator.sub });
  }

  @Access('moderator')
  @Post('reports/:reportId/reject')
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @HttpCode(200)
  @ApiOkResponse({ type: ReportDecisionView, description: 'The decision is recorded and the workflow moves on.' })
  @ApiConflictResponse({ description: 'REPORT_ALREADY_DECIDED or REPORT_NOT_REVIEWABLE' })
  reject(@Param('reportId', IdPipe) reportId: string, @Body() dto: RejectReportDto, @CurrentPrincipal() moderator: Principal): Promise<ReportDecisionView> {
    return this.moderation.decide(reportId, { outcome: 'rejected', ...dto, moderatorId: moderator.sub });
  }
}
