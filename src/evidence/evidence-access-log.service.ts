import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Principal } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { EvidenceAccessLogView } from './dto/evidence.views';
import { EvidenceAccess, EvidenceRead } from './schemas/evidence-access.schema';

/** Who read which report's evidence, and when (R6). */
@Injectable()
export class EvidenceAccessLog {
  constructor(@InjectModel(EvidenceAccess.name) private readonly log: Model<EvidenceAccess>) {}

  /**
   * Runs the read and logs it, also when the evidence is not there yet. The entry is written
   * before the answer leaves: a read whose entry cannot be stored is not served.
   */
  async logged<T>(reportId: string, reader: Principal, read: EvidenceRead, perform: () => Promise<T>, forUserId?: string): Promise<T> {
    try {
      const result = await perform();
      await this.append(reportId, reader, read, 'served', forUserId);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EVIDENCE_NOT_FOUND') await this.append(reportId, reader, read, 'not_found', forUserId);
      throw error;
    }
  }

  async list(reportId: string): Promise<EvidenceAccessLogView> {
    const entries = await this.log.find({ reportId }).sort({ at: 1, _id: 1 }).lean();
    return {
      reportId,
      entries: entries.map((e) => ({
        readerSub: e.readerSub,
        readerRoles: e.readerRoles,
        read: e.read,
        ...(e.forUserId ? { forUserId: e.forUserId } : {}),
        outcome: e.outcome,
        at: e.at,
      })),
    };
  }

  private async append(reportId: string, reader: Principal, read: EvidenceRead, outcome: EvidenceAccess['outcome'], forUserId?: string): Promise<void> {
    const entry = { _id: newId('eva'), reportId, readerSub: reader.sub, readerRoles: reader.roles, read, ...(forUserId ? { forUserId } : {}), outcome };
    await this.log.create({ ...entry, at: new Date() });
  }
}
