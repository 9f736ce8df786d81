import { derivedId } from '../common/ids';
import { CreateReportDto } from './dto/create-report.dto';

/** The report an Idempotency-Key stands for: the same key from the same reporter, the same report. */
export function keyedReportId(reporterId: string, idempotencyKey: string): string {
  return derivedId('rpt', reporterId, idempotencyKey);
}

/**
 * Without a key, the same reporter filing the same target with the same reasons within the
 * duplicate window is one report. Time is cut into windows; the id of the current and of the
 * previous window are both checked, so a repeat just after a window boundary is still found.
 */
export function repeatReportIds(dto: CreateReportDto, nowMs: number, windowMs: number): { current: string; previous: string } {
  const parts = [dto.reporterId, dto.target.kind, dto.target.id, [...dto.reasons].sort().join(',')];
  const window = Math.floor(nowMs / windowMs);
  return {
    current: derivedId('rpt', ...parts, `w${window}`),
    previous: derivedId('rpt', ...parts, `w${window - 1}`),
  };
}
