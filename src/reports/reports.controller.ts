import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiHeader, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { CreateReportDto } from './dto/create-report.dto';
import { FiledReportView, ReportView } from './dto/report.view';
import { POLICY_CATALOGUE, REPORT_REASONS, ReportReason } from './report-reasons';
import { FilingRateLimitGuard } from './filing-rate-limit.guard';
import { ReportsService } from './reports.service';
import { Access } from '../auth/access.decorator';

@ApiTags('reports')
@Controller('v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Access('app', 'moderator', 'support')
  @Get('report-reasons')
  reasons(): readonly ReportReason[] {
    return REPORT_REASONS;
  }

  @Access('app', 'moderator', 'support')
  @Get('policy-categories')
  policies(): typeof POLICY_CATALOGUE {
    return POLICY_CATALOGUE;
  }

  @Access('app')
  @Post('reports')
  @UseGuards(FilingRateLimitGuard)
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED: too many reports from this reporter (FILING_RATE_LIMIT); see Retry-After.' })
  @HttpCode(202)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Repeating a key returns the same report.' })
  @ApiAcceptedResponse({ type: FiledReportView })
  @ApiConflictResponse({ description: 'FRIEND_MESSAGE_NOT_REPORTABLE (R4) or IDEMPOTENCY_KEY_REUSED' })
  file(@Body() dto: CreateReportDto, @Headers('idempotency-key') idempotencyKey?: string): Promise<FiledReportView> {
    return this.reports.file(dto, idempotencyKey);
  }

  @Access('app', 'moderator', 'support')
  @Get('reports/:reportId')
  get(@Param('reportId', IdPipe) reportId: string): Promise<ReportView> {
    return this.reports.get(reportId);
  }
}
