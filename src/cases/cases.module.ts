import { Module } from '@nestjs/common';
import { ReportStoreModule } from '../reports/report-store.module';
import { TemporalModule } from '../temporal/temporal.module';
import { CaseActions } from './case-actions.service';
import { CaseStoreModule } from './case-store.module';
import { CaseViews } from './case-views.service';
import { CasesController } from './cases.controller';

@Module({
  imports: [CaseStoreModule, ReportStoreModule, TemporalModule],
  controllers: [CasesController],
  providers: [CaseViews, CaseActions],
})
export class CasesModule {}
