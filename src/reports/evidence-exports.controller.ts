import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, PublicRoute } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { ID_SCHEMA, IdPipe } from '../common/id.pipe';
import { ObjectBodyPipe } from '../common/object-body.pipe';
import { EvidenceExportView, EvidenceKeysView, ExportVerificationView } from './dto/evidence-export.view';
import { EvidenceExports } from './evidence-exports.service';

/** R6: the reporter's evidence export, its keys and its verification. */
@ApiTags('evidence')
@Controller()
export class EvidenceExportsController {
  constructor(private readonly exports: EvidenceExports) {}

  @Access('app')
  @Get('v1/reports/:reportId/evidence/export')
  @ApiOperation({ summary: "The reporter's signed evidence bundle; 403 NOT_THE_REPORTER for anyone else; the export is logged" })
  @ApiQuery({ name: 'userId', description: 'The reporter asking for the export.', schema: ID_SCHEMA })
  @ApiOkResponse({ type: EvidenceExportView, description: 'The bundle with its signature (POST /v1/evidence/exports/verify checks it).' })
  @ApiNotFoundResponse({ description: 'REPORT_NOT_FOUND' })
  export(
    @Param('reportId', IdPipe) reportId: string,
    @Query('userId', IdPipe) userId: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<EvidenceExportView> {
    return this.exports.export(reportId, userId, caller);
  }

  @PublicRoute()
  @Get('.well-known/evidence-keys')
  @ApiOperation({ summary: 'The public keys evidence exports are signed with: the current one and the retired ones' })
  @ApiOkResponse({ type: EvidenceKeysView })
  keys(): EvidenceKeysView {
    return this.exports.publicKeys();
  }

  @PublicRoute()
  @Post('v1/evidence/exports/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check an evidence export (the body): its signature, then its chain' })
  @ApiBody({
    required: true,
    description: 'An evidence export as GET /v1/reports/{reportId}/evidence/export answers it; any other object is answered `invalid` (`malformed`).',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiOkResponse({ type: ExportVerificationView })
  verify(@Body(ObjectBodyPipe) bundle: Record<string, unknown>): ExportVerificationView {
    return this.exports.verify(bundle);
  }
}
