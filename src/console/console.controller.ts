import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicRoute } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { CONSOLE_SECURITY_HEADERS, ConsoleAsset, loadConsoleAssets } from './console-assets';

/**
 * Serves the moderator console. The page and its scripts carry no data, so they are public; the
 * moderator signs in on the page and every API call it makes carries their token.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('console')
export class ConsoleController {
  private readonly assets = loadConsoleAssets();

  @Get()
  page(@Res() res: Response): void {
    this.send(res, this.assets.get('index.html')!);
  }

  @Get(':asset')
  asset(@Param('asset') name: string, @Res() res: Response): void {
    const asset = this.assets.get(name);
    if (!asset) throw ApiError.notFound('CONSOLE_ASSET_NOT_FOUND', `The console has no file named ${name}.`);
    this.send(res, asset);
  }

  private send(res: Response, asset: ConsoleAsset): void {
    res.set(CONSOLE_SECURITY_HEADERS).type(asset.contentType).send(asset.body);
  }
}
