import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { EvidenceReceipt, ReportTarget } from '../../workflows/definitions';
import { ChatsService } from '../chats/chats.service';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { rootSignatureValid, signRoot } from './evidence-export';
import { isDuplicateKey } from '../common/database-errors';
import { insertManyValidated, insertValidated } from '../common/insert-validated';
import { OpenChatsService } from '../open-chats/open-chats.service';
import { CHAIN_SCHEME, LEGACY_SCHEME, chainDigests, chainRoot } from './evidence-chain';
import { DigestableItem } from './evidence-digest';
import { EvidenceSetView, EvidenceVerificationView } from './dto/evidence.views';
import { StoredEvidence, checkEvidence } from './evidence-verification';
import { EvidenceItem } from './schemas/evidence-item.schema';
import { EvidenceSet } from './schemas/evidence-set.schema';

const WRITE_BATCH = 500;

type StoredItem = Omit<EvidenceItem, '_id' | 'reportId'>;

export interface CaptureRequest {
  reportId: string;
  target: ReportTarget;
  chatId?: string;
  /** The filing time: content up to it is what the reporter saw. */
  cutoff: Date;
  maxMessages: number;
}

/** R6: what an investigation would need, stored before the chat room is deleted. */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectModel(EvidenceItem.name) private readonly items: Model<EvidenceItem>,
    @InjectModel(EvidenceSet.name) private readonly sets: Model<EvidenceSet>,
    private readonly chats: ChatsService,
    private readonly openChats: OpenChatsService,
    private readonly config: AppConfig,
  ) {}

  /** Idempotent: a finished capture is returned as it was; an interrupted one is redone with the same ids. */
  async capture(request: CaptureRequest): Promise<EvidenceReceipt> {
    const existing = await this.sets.findById(request.reportId).lean();
    if (existing) return toReceipt(existing);

    const { contents, truncated } = await this.collect(request);
    const digests = chainDigests(request.reportId, contents);
    const docs = contents.map((content, seq) => ({
      _id: `${request.reportId}:${String(seq).padStart(6, '0')}`,
      reportId: request.reportId,
      seq,
      ...content,
      digest: digests[seq],
    }));
    for (let start = 0; start < docs.length; start += WRITE_BATCH) {
      await this.insertIgnoringDuplicates(docs.slice(start, start + WRITE_BATCH));
    }
    const root = chainRoot(request.reportId, digests);
    const { current } = this.config.evidenceKeys;
    const set: EvidenceSet = {
      _id: request.reportId,
      scheme: CHAIN_SCHEME,
      rootDigest: root,
      rootSignature: { kid: current.kid, value: signRoot(request.reportId, CHAIN_SCHEME, root, current.privateKey) },
      itemCount: docs.length,
      truncated,
      cutoff: request.cutoff,
      capturedAt: new Date(),
    };
    try {
      await insertValidated(this.sets, set);
      return toReceipt(set);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return toReceipt((await this.sets.findById(request.reportId).lean())!);
    }
  }

  async view(reportId: string): Promise<EvidenceSetView> {
    const { set, items, stored } = await this.load(reportId);
    const check = checkEvidence(stored, null);
    return {
      reportId,
      scheme: stored.scheme,
      rootDigest: set.rootDigest,
      itemCount: set.itemCount,
      truncated: set.truncated,
      capturedAt: set.capturedAt,
      intact: check.status === 'intact',
      items: items.map((item, i) => ({ ...item, digestValid: check.itemValid[i] })),
    };
  }

  /** Recomputes the chain and compares it with the stored root and the root the history recorded. */
  async verify(reportId: string, recordedRoot: string | null): Promise<EvidenceVerificationView> {
    const { set, stored } = await this.load(reportId);
    const check = checkEvidence(stored, recordedRoot);
    const rootSignature = this.rootSignatureOf(set);
    const findings = rootSignature === 'invalid' ? [...check.findings, 'root_signature_invalid' as const] : check.findings;
    return {
      reportId,
      scheme: stored.scheme,
      status: findings.length === 0 ? 'intact' : 'altered',
      items: stored.items.length,
      expectedItems: set.itemCount,
      ...(check.firstAlteredIndex !== undefined ? { firstAlteredIndex: check.firstAlteredIndex } : {}),
      findings,
      storedRoot: set.rootDigest,
      recordedRoot,
      recomputedRoot: check.recomputedRoot,
      rootSignature,
    };
  }

  /** A signature by a key this service does not know (neither current nor retired) counts as invalid. */
  private rootSignatureOf(set: EvidenceSet): EvidenceVerificationView['rootSignature'] {
    if (!set.rootSignature) return 'absent';
    const { current, retired } = this.config.evidenceKeys;
    const key = [current, ...retired].find((k) => k.kid === set.rootSignature!.kid);
    const scheme = set.scheme ?? LEGACY_SCHEME;
    return key && rootSignatureValid(set._id, scheme, set.rootDigest, set.rootSignature.value, key.publicKey) ? 'valid' : 'invalid';
  }

  private async load(reportId: string): Promise<{ set: EvidenceSet; items: StoredItem[]; stored: StoredEvidence }> {
    const set = await this.sets.findById(reportId).lean();
    if (!set) throw ApiError.notFound('EVIDENCE_NOT_FOUND', `No evidence has been stored for report ${reportId} yet.`);
    const found: StoredItem[] = await this.items.find({ reportId }, { _id: 0, reportId: 0 }).sort({ seq: 1 }).lean();
    // A set without a scheme field is checked under sha256-items-v0.
    const scheme = set.scheme ?? LEGACY_SCHEME;
    return { set, items: found, stored: { reportId, scheme, itemCount: set.itemCount, rootDigest: set.rootDigest, items: found } };
  }

  private async collect(request: CaptureRequest): Promise<{ contents: DigestableItem[]; truncated: boolean }> {
    const { target } = request;
    if (target.kind === 'chat_message') {
      if (!request.chatId) throw new Error(`reported message ${target.id} is gone`);
      const { messages, truncated } = await this.chats.conversationUpTo(request.chatId, request.cutoff, request.maxMessages);
      // Usually within the window, which then proves it is still there: no lookup of its own.
      const reported = messages.find((m) => m._id === target.id) ?? (await this.chats.findMessage(target.id));
      if (!reported) throw new Error(`reported message ${target.id} is gone`);
      // The reported message itself is always kept, even when the window would cut it off.
      const window = messages.includes(reported) ? messages : [reported, ...messages.slice(1)];
      return {
        truncated,
        contents: window.map((m) => ({ sourceKind: 'chat_message', sourceId: m._id, authorId: m.senderId, text: m.text, createdAt: m.sentAt })),
      };
    }
    const comment = target.kind === 'open_chat_comment' ? await this.openChats.findComment(target.id) : null;
    const post = await this.openChats.findPost(comment ? comment.postId : target.id);
    if (!post || (target.kind === 'open_chat_comment' && !comment)) throw new Error(`reported ${target.kind} ${target.id} is gone`);
    const contents: DigestableItem[] = [
      { sourceKind: 'open_chat_post', sourceId: post._id, authorId: post.authorId, text: post.text, createdAt: post.createdAt },
    ];
    if (comment) {
      contents.push({ sourceKind: 'open_chat_comment', sourceId: comment._id, authorId: comment.authorId, text: comment.text, createdAt: comment.createdAt });
    }
    return { contents, truncated: false };
  }

  private async insertIgnoringDuplicates(docs: object[]): Promise<void> {
    try {
      await insertManyValidated(this.items, docs);
    } catch (error) {
      const writeErrors = (error as { writeErrors?: Array<{ code?: number }> }).writeErrors;
      const onlyDuplicates = writeErrors?.every((e) => e.code === 11000);
      if (!isDuplicateKey(error) && !onlyDuplicates) throw error;
    }
  }
}

function toReceipt(set: EvidenceSet): EvidenceReceipt {
  return { evidenceSetId: set._id, scheme: set.scheme ?? LEGACY_SCHEME, rootDigest: set.rootDigest, itemCount: set.itemCount };
}
