import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ApiError } from '../common/api-error';
import { insertOnce } from '../common/insert-once';
import { AppConfig } from '../config/app-config';
import { KeyIndex } from '../common/key-index';
import { FalseReportStrike } from './schemas/false-report-strike.schema';
import { ReportingRestriction } from './schemas/reporting-restriction.schema';
import { NoticesService } from '../notices/notices.service';

export interface StrikeOutcome {
  strikesInWindow: number;
  restrictedUntil?: Date;
}

/**
 * R3: "you may be restricted if you file a false report". A rejection marked as false is a
 * strike; the first one brings a warning, and `threshold` strikes within the window restrict
 * the reporter from filing for a while. Every write is an insert with a derived id, so a
 * retried activity changes nothing.
 */
@Injectable()
export class ReporterStandingService {
  constructor(
    @InjectModel(FalseReportStrike.name) private readonly strikes: Model<FalseReportStrike>,
    @InjectModel(ReportingRestriction.name) private readonly restrictions: Model<ReportingRestriction>,
    private readonly notices: NoticesService,
    private readonly config: AppConfig,
    private readonly keys: KeyIndex,
  ) {}

  async recordFalseReport(reportId: string, reporterId: string, at = new Date()): Promise<StrikeOutcome> {
    const { threshold, windowMs, restrictionMs } = this.config.falseReportPolicy;
    // Each listed under its user before it is stored (see KeyIndex): filing reads these on every report.
    await this.keys.add(`strikes-of:${reporterId}`, reportId);
    await insertOnce(this.strikes, { _id: reportId, reporterId, at });
    const strikes = await Promise.all((await this.keys.list(`strikes-of:${reporterId}`)).map((id) => this.strikes.findById(id, { at: 1 }).lean()));
    const strikesInWindow = strikes.filter((strike) => strike && strike.at.getTime() > at.getTime() - windowMs).length;
    if (strikesInWindow < threshold) {
      await this.notify(
        reporterId,
        reportId,
        'false_report_warning',
        at,
        'A report you filed was found to be false. Filing false reports can restrict your use of reporting.',
      );
      return { strikesInWindow };
    }
    const endsAt = new Date(at.getTime() + restrictionMs);
    await this.keys.add(`restrictions-of:${reporterId}`, `reporting-${reportId}`);
    await insertOnce(this.restrictions, { _id: `reporting-${reportId}`, userId: reporterId, startsAt: at, endsAt, strikes: strikesInWindow });
    await this.notify(
      reporterId,
      reportId,
      'reporting_restricted',
      at,
      `Several of your reports were found to be false. You cannot file reports until ${endsAt.toISOString()}.`,
    );
    return { strikesInWindow, restrictedUntil: endsAt };
  }

  /** Refuses a new report from a restricted reporter: 403 REPORTER_RESTRICTED with the end time. */
  async assertMayReport(userId: string, now = new Date()): Promise<void> {
    const until = await this.restrictedUntil(userId, now);
    if (until) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'REPORTER_RESTRICTED', `You cannot file reports until ${until.toISOString()} (false reports).`, {
        until: until.toISOString(),
      });
    }
  }

  /** The end of the user's latest restriction still running; for a user never restricted, one `_id` read. */
  async restrictedUntil(userId: string, now = new Date()): Promise<Date | undefined> {
    const ids = await this.keys.list(`restrictions-of:${userId}`);
    const restrictions = await Promise.all(ids.map((id) => this.restrictions.findById(id, { endsAt: 1 }).lean()));
    const ends = restrictions.flatMap((r) => (r ? [r.endsAt.getTime()] : [])).filter((end) => end > now.getTime());
    return ends.length ? new Date(Math.max(...ends)) : undefined;
  }

  private async notify(userId: string, reportId: string, kind: 'false_report_warning' | 'reporting_restricted', at: Date, text: string): Promise<void> {
    await this.notices.record({ kind, userId, audience: 'reporter', reportId, text, at });
  }
}
