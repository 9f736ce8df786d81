import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const CODEC_ACCESS_OUTCOMES = ['decoded', 'refused'] as const;
/** `refused`: the request was answered 4xx (`refusedCode` says why); nothing was decrypted for it. */
export type CodecAccessOutcome = (typeof CODEC_ACCESS_OUTCOMES)[number];

/**
 * One decode through the codec (R6): who, when, which namespace, how many payloads. Never the
 * payloads themselves. Write-once: inserted with a fresh id and never updated, so concurrent
 * decodes cannot lose each other's entries.
 */
@Schema({ collection: 'codec_access_log', versionKey: false })
export class CodecAccess {
  @Prop({ type: String, required: true })
  _id: string;

  /** The caller's token subject and the roles it held. */
  @Prop({ required: true })
  readerSub: string;

  @Prop({ type: [String], required: true })
  readerRoles: string[];

  /** The `X-Namespace` header, when the caller sent one (the Web UI does; the CLI does not). */
  @Prop({ type: String })
  namespace?: string;

  @Prop({ required: true })
  payloads: number;

  @Prop({ type: String, required: true, enum: CODEC_ACCESS_OUTCOMES })
  outcome: CodecAccessOutcome;

  @Prop({ type: String })
  refusedCode?: string;

  @Prop({ required: true, index: true })
  at: Date;
}

export const CodecAccessSchema = SchemaFactory.createForClass(CodecAccess);
