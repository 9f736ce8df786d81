import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { IdPipe } from '../common/id.pipe';
import { EvidenceAccessLogView, EvidenceSetView, EvidenceVerificationView } from '../evidence/dto/evidence.views';
import { EvidenceReads } from './evidence-reads.service';

/** R6: a report's stored evidence, its verification and who read it. Every read is logged. */
@ApiTags('evidence')
@Controller('v1/reports/:reportId/evidence')
export class EvidenceController {
  constructor(private readonly reads: EvidenceReads) {}

  @Access('moderator', 'support')
  @Get()
  @ApiOkResponse({ type: EvidenceSetView, description: "The stored items with each item's chain digest, checked now." })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOperation({ summary: 'Evidence items with their chain digests; the read is logged' })
  view(@Param('reportId', IdPipe) reportId: string, @CurrentPrincipal() reader: Principal): Promise<EvidenceSetView> {
    return this.reads.view(reportId, reader);
  }

  @Access('moderator', 'support')
  @Get('verify')
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOperation({ summary: 'Recompute the hash chain and compare it with the stored and the recorded root; the read is logged' })
  @ApiOkResponse({ type: EvidenceVerificationView })
  verify(@Param('reportId', IdPipe) reportId: string, @CurrentPrincipal() reader: Principal): Promise<EvidenceVerificationView> {
    return this.reads.verify(reportId, reader);
  }

  @Access('moderator', 'support')
  @Get('access-log')
  @ApiOkResponse({ type: EvidenceAccessLogView, description: 'The logged reads, oldest first.' })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOperation({ summary: "Who read this report's evidence, oldest first" })
  accessLog(@Param('reportId', IdPipe) reportId: string): Promise<EvidenceAccessLogView> {
    return this.reads.accessLogOf(reportId);
  }
}
