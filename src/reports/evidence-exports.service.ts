import { Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import type { Principal } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { EvidenceAccessLog } from '../evidence/evidence-access-log.service';
import { EXPORT_FORMAT, EvidenceExport, ExportVerification, signExport, verifyExport } from '../evidence/evidence-export';
import { EvidenceService } from '../evidence/evidence.service';
import { ReportsService } from './reports.service';

export interface EvidenceKeyView {
  kid: string;
  status: 'current' | 'retired';
  kty: string;
  crv: string;
  x: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** R6: the reporter's signed evidence bundle, the public keys, and the check anyone can run. */
@Injectable()
export class EvidenceExports {
  private readonly keys: Map<string, KeyObject>;

  constructor(
    private readonly config: AppConfig,
    private readonly reports: ReportsService,
    private readonly evidence: EvidenceService,
    private readonly accessLog: EvidenceAccessLog,
  ) {
    const { current, retired } = config.evidenceKeys;
    this.keys = new Map([...retired, current].map((key) => [key.kid, key.publicKey]));
  }

  /**
   * Only for the reporter (R2: nothing of it reaches the reported person or anyone else through
   * this route); logged like every other read of the evidence, before it leaves.
   */
  async export(reportId: string, userId: string, caller: Principal): Promise<EvidenceExport> {
    const report = await this.reports.require(reportId);
    if (report.reporterId !== userId) throw new ApiError(403, 'NOT_THE_REPORTER', 'Only the reporter can export the evidence of a report.');
    return this.accessLog.logged(
      reportId,
      caller,
      'export',
      async () => {
        const view = await this.evidence.view(reportId);
        const { current } = this.config.evidenceKeys;
        return signExport(
          {
            format: EXPORT_FORMAT,
            report: {
              reportId,
              target: { kind: report.target.kind, id: report.target.id },
              reportedUserId: report.reportedUserId,
              reasons: report.reasons,
              filedAt: report.createdAt.toISOString(),
              exportedAt: new Date().toISOString(),
            },
            evidence: {
              scheme: view.scheme,
              itemCount: view.itemCount,
              truncated: view.truncated,
              capturedAt: view.capturedAt.toISOString(),
              rootDigest: view.rootDigest,
              items: view.items.map(({ seq, sourceKind, sourceId, authorId, text, createdAt, digest }) => ({
                seq,
                sourceKind,
                sourceId,
                authorId,
                text,
                createdAt: createdAt.toISOString(),
                digest,
              })),
            },
          },
          current.kid,
          current.privateKey,
        );
      },
      userId,
    );
  }

  publicKeys(): { keys: EvidenceKeyView[] } {
    const { current, retired } = this.config.evidenceKeys;
    const view = (key: { kid: string; publicKey: KeyObject }, status: EvidenceKeyView['status']): EvidenceKeyView => {
      const jwk = key.publicKey.export({ format: 'jwk' });
      return { kid: key.kid, status, kty: jwk.kty!, crv: jwk.crv!, x: jwk.x!, alg: 'EdDSA', use: 'sig' };
    };
    return { keys: [view(current, 'current'), ...retired.map((key) => view(key, 'retired'))] };
  }

  verify(bundle: unknown): ExportVerification {
    return verifyExport(bundle, (kid) => this.keys.get(kid));
  }
}
