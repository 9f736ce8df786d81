import { keyedId } from '../common/ids';
import { CreateReportDto } from './dto/create-report.dto';

/**
 * The report an Idempotency-Key stands for: the same key from the same reporter, the same report.
 * Keyed with the server's id secret (R2): the reported person must not test guessed reporters.
 */
export function keyedReportId(secret: string, reporterId: string, idempotencyKey: string): string {
  return keyedId(secret, 'rpt', reporterId, idempotencyKey);
}

/**
 * Without a key, the same reporter filing the same target with the same reasons within the
 * duplicate window is one report. Time is cut into windows; the id of the current and of the
 * previous window are both checked, so a repeat just after a window boundary is still found.
 * Keyed (R2): reporter, target, reasons and a rough time are all a reported person could guess.
 */
export function repeatReportIds(secret: string, dto: CreateReportDto, nowMs: number, windowMs: number): { current: string; previous: string } {
  const parts = [dto.reporterId, dto.target.kind, dto.target.id, [...dto.reasons].sort().join(',')];
  const window = Math.floor(nowMs / windowMs);
  return {
    current: keyedId(secret, 'rpt', ...parts, `w${window}`),
    previous: keyedId(secret, 'rpt', ...parts, `w${window - 1}`),
  };
}
