import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CodecAccessLog } from './codec-access-log.service';
import { CodecAccessLogDto, CodecAccessLogQuery } from './dto/codec-access-log.dto';

const DEFAULT_LIMIT = 100;

/** R6: who decrypted workflow payloads through /codec/decode. Reading the log is not itself logged. */
@ApiTags('codec')
@Controller('v1/codec')
export class CodecAccessLogController {
  constructor(private readonly log: CodecAccessLog) {}

  @Access('support')
  @Get('access-log')
  @ApiOperation({ summary: 'Codec decodes, newest first: who, when, namespace, payload count, outcome; never payload content' })
  @ApiOkResponse({ type: CodecAccessLogDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  list(@Query() query: CodecAccessLogQuery): Promise<CodecAccessLogDto> {
    return this.log.list(query.limit ?? DEFAULT_LIMIT);
  }
}
