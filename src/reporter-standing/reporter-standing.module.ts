import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KeyIndexModule } from '../common/key-index';
import { NoticesModule } from '../notices/notices.module';
import { ReporterStandingService } from './reporter-standing.service';
import { FalseReportStrike, FalseReportStrikeSchema } from './schemas/false-report-strike.schema';
import { ReportingRestriction, ReportingRestrictionSchema } from './schemas/reporting-restriction.schema';

/** R3: false-report strikes, reporting restrictions and the notices that tell the reporter. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: FalseReportStrike.name, schema: FalseReportStrikeSchema },
      { name: ReportingRestriction.name, schema: ReportingRestrictionSchema },
    ]),
    NoticesModule,
    KeyIndexModule,
  ],
  providers: [ReporterStandingService],
  exports: [ReporterStandingService, MongooseModule],
})
export class ReporterStandingModule {}
