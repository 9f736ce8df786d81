import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { IdPipe } from '../common/id.pipe';
import { EvidenceAccessLogView } from '../evidence/evidence-access-log.service';
import { EvidenceVerification, EvidenceView } from '../evidence/evidence.service';
import { EvidenceReads } from './evidence-reads.service';

/** R6: a report's stored evidence, its verification and who read it. Every read is logged. */
@ApiTags('evidence')
@Controller('v1/reports/:reportId/evidence')
export class EvidenceController {
  constructor(private readonly reads: EvidenceReads) {}

  @Access('moderator', 'support')
  @Get()
  @ApiOkResponse({ description: "`{reportId, items[]}` with each item's chain digest" })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOperation({ summary: 'Evidence items with their chain digests; the read is logged' })
  view(@Param('reportId', IdPipe) reportId: string, @CurrentPrincipal() reader: Principal): Promise<EvidenceView> {
    return this.reads.view(reportId, reader);
  }

  @Access('moderator', 'support')
  @Get('verify')
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOperation({ summary: 'Recompute the hash chain and compare it with the stored and the recorded root; the read is logged' })
  @ApiOkResponse({
    description: '{reportId, scheme, status: intact | altered, items, expectedItems, firstAlteredIndex?, findings, storedRoot, recordedRoot, recomputedRoot}',
  })
  verify(@Param('reportId', IdPipe) reportId: string, @CurrentPrincipal() reader: Principal): Promise<EvidenceVerification> {
    return this.reads.verify(reportId, reader);
  }

  @Access('moderator', 'support')
  @Get('access-log')
  @ApiOkResponse({ description: 'The logged reads, oldest first.' })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  @ApiOperation({ summary: "Who read this report's evidence, oldest first" })
  accessLog(@Param('reportId', IdPipe) reportId: string): Promise<EvidenceAccessLogView> {
    return this.reads.accessLogOf(reportId);
  }
}
