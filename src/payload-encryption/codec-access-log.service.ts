import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { Principal } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { newId } from '../common/ids';
import { CodecAccess } from './schemas/codec-access.schema';

export interface CodecAccessView {
  readerSub: string;
  readerRoles: string[];
  namespace?: string;
  payloads: number;
  outcome: CodecAccess['outcome'];
  refusedCode?: string;
  at: Date;
}

/** Who decrypted workflow payloads through the codec, and when (R6, like evidence reads). */
@Injectable()
export class CodecAccessLog {
  constructor(@InjectModel(CodecAccess.name) private readonly log: Model<CodecAccess>) {}

  /**
   * Runs the decode and logs it, also when it is refused with a 4xx. The entry is written
   * before the answer leaves: a decode whose entry cannot be stored is not served (the
   * database error reaches the filter: 503 DATABASE_UNAVAILABLE).
   */
  async logged<T>(reader: Principal, namespace: string | undefined, payloads: number, perform: () => Promise<T>): Promise<T> {
    const entry = { readerSub: reader.sub, readerRoles: reader.roles, ...(namespace !== undefined ? { namespace } : {}), payloads };
    try {
      const result = await perform();
      await this.append({ ...entry, outcome: 'decoded' });
      return result;
    } catch (error) {
      if (error instanceof ApiError && Number(error.status) < 500) await this.append({ ...entry, outcome: 'refused', refusedCode: error.code });
      throw error;
    }
  }

  /** Newest first. */
  async list(limit: number): Promise<{ entries: CodecAccessView[] }> {
    const entries = await this.log.find().sort({ at: -1, _id: -1 }).limit(limit).lean();
    return {
      entries: entries.map((e) => ({
        readerSub: e.readerSub,
        readerRoles: e.readerRoles,
        ...(e.namespace !== undefined ? { namespace: e.namespace } : {}),
        payloads: e.payloads,
        outcome: e.outcome,
        ...(e.refusedCode ? { refusedCode: e.refusedCode } : {}),
        at: e.at,
      })),
    };
  }

  private async append(entry: Omit<CodecAccess, '_id' | 'at'>): Promise<void> {
    await this.log.create({ ...entry, _id: newId('cda'), at: new Date() });
  }
}
