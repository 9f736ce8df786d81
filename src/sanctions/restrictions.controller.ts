import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { IdPipe } from '../common/id.pipe';
import { FiledAppealView, RestrictionsView } from './dto/restriction.view';
import { FileAppealDto } from './dto/sanctions.dto';
import { RestrictionsService } from './restrictions.service';

@ApiTags('sanctions')
@Controller('v1/users/:userId/restrictions')
export class RestrictionsController {
  constructor(private readonly restrictions: RestrictionsService) {}

  /** R9, R2: the account's sanctions with their statement of reasons; nothing names the reporter. */
  @Access('app', 'support')
  @Get()
  @ApiOkResponse({ type: RestrictionsView })
  @ApiNotFoundResponse({ description: 'USER_NOT_FOUND' })
  list(@Param('userId', IdPipe) userId: string): Promise<RestrictionsView> {
    return this.restrictions.restrictionsOf(userId);
  }

  /** The sanctioned person's one appeal, filed by the app on their behalf. */
  @Access('app')
  @Post(':sanctionId/appeal')
  @ApiNotFoundResponse({ description: 'SANCTION_NOT_FOUND' })
  @ApiCreatedResponse({ type: FiledAppealView, description: 'The appeal, filed once per sanction.' })
  @ApiConflictResponse({ description: 'APPEAL_ALREADY_FILED, SANCTION_ALREADY_OVERTURNED' })
  @ApiUnprocessableEntityResponse({ description: 'APPEAL_WINDOW_CLOSED' })
  appeal(@Param('userId', IdPipe) userId: string, @Param('sanctionId', IdPipe) sanctionId: string, @Body() dto: FileAppealDto): Promise<FiledAppealView> {
    return this.restrictions.fileAppeal(userId, sanctionId, dto.statement);
  }
}
