import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { UserNoticesController } from './reporter-standing.controller';
import { ReporterStandingService } from './reporter-standing.service';
import { FalseReportStrike, FalseReportStrikeSchema } from './schemas/false-report-strike.schema';
import { ReportingRestriction, ReportingRestrictionSchema } from './schemas/reporting-restriction.schema';
import { UserNotice, UserNoticeSchema } from './schemas/user-notice.schema';

/** R3: false-report strikes, reporting restrictions and the notices that tell the reporter. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: FalseReportStrike.name, schema: FalseReportStrikeSchema },
      { name: ReportingRestriction.name, schema: ReportingRestrictionSchema },
      { name: UserNotice.name, schema: UserNoticeSchema },
    ]),
  ],
  controllers: [UserNoticesController],
  providers: [ReporterStandingService],
  exports: [ReporterStandingService, MongooseModule],
})
export class ReporterStandingModule {}
