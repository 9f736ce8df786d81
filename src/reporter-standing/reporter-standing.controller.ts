import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdPipe } from '../common/id.pipe';
import { ReporterStandingService } from './reporter-standing.service';
import { Access } from '../auth/access.decorator';

@ApiTags('platform')
@Controller('v1/users/:userId/notices')
export class UserNoticesController {
  constructor(private readonly standing: ReporterStandingService) {}

  /** Notices addressed to this user (R3 warnings and restrictions); they never name anyone else. */
  @Access('app', 'support')
  @Get()
  list(@Param('userId', IdPipe) userId: string) {
    return this.standing.noticesFor(userId);
  }
}
