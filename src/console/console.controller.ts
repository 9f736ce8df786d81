import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { reportWorkflowId } from '../../workflows/definitions';
import { PublicRoute } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { CONSOLE_SECURITY_HEADERS, ConsoleAsset, loadConsoleAssets } from './console-assets';

/** What the console needs to know besides the API: where a report's history is read. */
export interface ConsoleSettings {
  /** A report's page in the Temporal Web UI, with `{reportId}` to fill in; null without a UI. */
  temporalUiReportUrl: string | null;
}

/**
 * Serves the console. The page, its scripts and its settings carry no data, so they are public;
 * staff sign in on the page and every API call it makes carries their token.
 */
@ApiExcludeController()
@PublicRoute()
@Controller('console')
export class ConsoleController {
  private readonly assets = loadConsoleAssets();
  private readonly settings: ConsoleSettings;

  constructor(config: AppConfig) {
    const ui = config.temporalUiUrl;
    const workflows = `/namespaces/${encodeURIComponent(config.temporalNamespace)}/workflows/`;
    this.settings = { temporalUiReportUrl: ui ? `${ui}${workflows}${reportWorkflowId('{reportId}')}` : null };
  }

  @Get()
  page(@Res() res: Response): void {
    this.send(res, this.assets.get('index.html')!);
  }

  @Get('settings.json')
  settingsJson(@Res() res: Response): void {
    res.set(CONSOLE_SECURITY_HEADERS).json(this.settings);
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
