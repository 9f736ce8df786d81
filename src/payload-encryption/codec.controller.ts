import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CodecService } from './codec.service';
import { PayloadsDto } from './dto/payloads.dto';

/**
 * Temporal's remote codec protocol, for the Web UI (`--ui-codec-endpoint`, `codec.endpoint`)
 * and the CLI (`--codec-endpoint`): staff read encrypted histories; the server never sees keys.
 */
@ApiTags('codec')
@ApiHeader({ name: 'X-Namespace', required: false, description: 'Temporal namespace of the payloads (sent by the Web UI)' })
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Access('support')
  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decrypt payloads (plaintext ones pass through)' })
  @ApiBadRequestResponse({ description: 'PAYLOAD_NOT_DECRYPTABLE, INVALID_PAYLOAD, UNKNOWN_NAMESPACE' })
  decode(@Body() body: PayloadsDto, @Headers('x-namespace') namespace?: string) {
    return this.codec.decode(body.payloads, namespace);
  }

  @Access('support')
  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Encrypt payloads with the current key (for inputs typed into the UI or CLI)' })
  @ApiBadRequestResponse({ description: 'INVALID_PAYLOAD, UNKNOWN_NAMESPACE' })
  encode(@Body() body: PayloadsDto, @Headers('x-namespace') namespace?: string) {
    return this.codec.encode(body.payloads, namespace);
  }
}
