import { Body, Controller, Delete, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { decodeJwt } from 'jose';
import { Access } from '../auth/access.decorator';
import { AcceptsCodecSessionCookie, CODEC_SESSION_COOKIE, CODEC_SESSION_PATH } from '../auth/codec-session-cookie';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { CodecService } from './codec.service';
import { PayloadsDto } from './dto/payloads.dto';

const MAX_SESSION_MS = 12 * 3_600_000;

/**
 * Temporal's remote codec protocol, for the Web UI (`--ui-codec-endpoint`, `codec.endpoint`)
 * and the CLI (`--codec-endpoint`): staff read encrypted histories; the server never sees keys.
 */
@ApiTags('codec')
@Controller('codec')
export class CodecController {
  constructor(private readonly codec: CodecService) {}

  @Access('support')
  @AcceptsCodecSessionCookie()
  @Post('decode')
  @HttpCode(200)
  @ApiOkResponse({ type: PayloadsDto, description: '`{payloads}` in the order given.' })
  @ApiHeader({ name: 'X-Namespace', required: false, description: 'Temporal namespace of the payloads (sent by the Web UI)' })
  @ApiOperation({ summary: 'Decrypt payloads (plaintext ones pass through); each call is written to the codec access log first' })
  @ApiBadRequestResponse({ description: 'PAYLOAD_NOT_DECRYPTABLE, INVALID_PAYLOAD, UNKNOWN_NAMESPACE' })
  decode(@Body() body: PayloadsDto, @CurrentPrincipal() reader: Principal, @Headers('x-namespace') namespace?: string) {
    return this.codec.decode(body.payloads ?? [], reader, namespace);
  }

  @Access('support')
  @AcceptsCodecSessionCookie()
  @Post('encode')
  @HttpCode(200)
  @ApiOkResponse({ type: PayloadsDto, description: '`{payloads}` in the order given.' })
  @ApiHeader({ name: 'X-Namespace', required: false, description: 'Temporal namespace of the payloads (sent by the Web UI)' })
  @ApiOperation({ summary: 'Encrypt payloads with the current key (for inputs typed into the UI or CLI)' })
  @ApiBadRequestResponse({ description: 'INVALID_PAYLOAD, UNKNOWN_NAMESPACE' })
  encode(@Body() body: PayloadsDto, @Headers('x-namespace') namespace?: string) {
    return this.codec.encode(body.payloads ?? [], namespace);
  }

  /**
   * For a Web UI without SSO (the dev server's): stores the caller's bearer token in an
   * HttpOnly cookie limited to /codec. The console's support sign-in calls it; the UI's codec
   * calls then carry the cookie (docs/temporal-ui.md says when a browser sends it).
   */
  @Access('support')
  @Post('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Put your support token into a /codec-only cookie for the Temporal Web UI' })
  @ApiNoContentResponse({ description: 'cookie set until the token expires (12 h at most)' })
  openSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    const token = /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')![1];
    const expiresAtMs = (decodeJwt(token).exp ?? 0) * 1000;
    response.cookie(CODEC_SESSION_COOKIE, token, {
      ...sessionCookie(request),
      maxAge: Math.max(0, Math.min(expiresAtMs - Date.now(), MAX_SESSION_MS)),
    });
  }

  /** Signing out of the console ends the session: the browser keeps no token that decrypts histories. */
  @Access('support')
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the /codec session cookie' })
  @ApiNoContentResponse({ description: 'cookie removed' })
  closeSession(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    response.clearCookie(CODEC_SESSION_COOKIE, sessionCookie(request));
  }
}

function sessionCookie(request: Request) {
  return { httpOnly: true, sameSite: 'strict', secure: request.secure, path: CODEC_SESSION_PATH } as const;
}
