import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { MAX_PREFERRED_WAIT_SECONDS, preferredWaitSeconds } from '../common/prefer-wait';
import { CreateReportDto } from './dto/create-report.dto';
import { FiledReportView, ReportView } from './dto/report.view';
import { PolicyCategoryView, ReportReasonView } from './dto/report-reason.view';
import { POLICY_CATALOGUE, REPORT_REASONS } from './report-reasons';
import { FilingRateLimitGuard } from './filing-rate-limit.guard';
import { IDEMPOTENCY_KEY, ReportsService } from './reports.service';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';

@ApiTags('reports')
@Controller('v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Access('app', 'moderator', 'support')
  @Get('report-reasons')
  @ApiOkResponse({ type: [ReportReasonView] })
  reasons(): readonly ReportReasonView[] {
    return REPORT_REASONS;
  }

  @Access('app', 'moderator', 'support')
  @Get('policy-categories')
  @ApiOkResponse({ type: [PolicyCategoryView] })
  policies(): readonly PolicyCategoryView[] {
    return POLICY_CATALOGUE;
  }

  @Access('app')
  @Post('reports')
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND (the reporter) or TARGET_NOT_FOUND' })
  @UseGuards(FilingRateLimitGuard)
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: too many reports from this reporter (FILING_RATE_LIMIT); see Retry-After.' })
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Repeating a key returns the same report; INVALID_IDEMPOTENCY_KEY otherwise.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  })
  @ApiHeader({
    name: 'Prefer',
    required: false,
    description: `\`wait=N\` (RFC 7240, at most ${MAX_PREFERRED_WAIT_SECONDS} s): answer once the workflow has moved the report past \`received\` (usually \`awaiting_review\`), so there is no need to poll; past N seconds the answer says \`received\` as without it.`,
  })
  @ApiAcceptedResponse({ type: FiledReportView })
  @ApiConflictResponse({ description: 'FRIEND_MESSAGE_NOT_REPORTABLE (R4) or IDEMPOTENCY_KEY_REUSED' })
  async file(
    @Body() dto: CreateReportDto,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('prefer') prefer?: string,
  ): Promise<FiledReportView> {
    const waitSeconds = preferredWaitSeconds(prefer);
    const filed = await this.reports.file(dto, idempotencyKey, waitSeconds);
    if (waitSeconds > 0) res.setHeader('Preference-Applied', `wait=${waitSeconds}`);
    return filed;
  }

  @Access('app', 'moderator', 'support')
  @Get('reports/:reportId')
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOkResponse({ type: ReportView })
  @ApiForbiddenResponse({
    description: 'MODERATOR_CONFLICT_OF_INTEREST or STAFF_CONFLICT_OF_INTEREST: staff who are the reported person do not read who reported them',
  })
  get(@Param('reportId', IdPipe) reportId: string, @CurrentPrincipal() caller: Principal): Promise<ReportView> {
    return this.reports.get(reportId, caller);
  }
}
