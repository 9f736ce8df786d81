import { Injectable } from '@nestjs/common';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Principal } from '../auth/roles';
import { ApiError } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { PayloadJson } from './dto/payloads.dto';
import { CodecAccessLog } from './codec-access-log.service';
import { EncryptionCodec } from './encryption-codec';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The remote codec (Temporal's codec server protocol) over the service's own keys. */
@Injectable()
export class CodecService {
  private readonly codec?: PayloadCodec;
  private readonly namespace: string;

  constructor(
    config: AppConfig,
    private readonly accessLog: CodecAccessLog,
  ) {
    this.codec = config.payloadKeys.length > 0 ? new EncryptionCodec(config.payloadKeys) : undefined;
    this.namespace = config.temporalNamespace;
  }

  /** Every decode is logged, refused ones too, before the answer leaves (R6). */
  decode(payloads: PayloadJson[], reader: Principal, namespace?: string): Promise<{ payloads: PayloadJson[] }> {
    return this.accessLog.logged(reader, namespace, payloads.length, async () => {
      this.checkNamespace(namespace);
      try {
        return { payloads: (await this.run('decode', payloads.map(fromJson))).map(toJson) };
      } catch (error) {
        if (error instanceof ApiError) throw error;
        throw ApiError.badRequest('PAYLOAD_NOT_DECRYPTABLE', (error as Error).message);
      }
    });
  }

  async encode(payloads: PayloadJson[], namespace?: string): Promise<{ payloads: PayloadJson[] }> {
    this.checkNamespace(namespace);
    return { payloads: (await this.run('encode', payloads.map(fromJson))).map(toJson) };
  }

  private run(direction: 'encode' | 'decode', payloads: Payload[]): Promise<Payload[]> {
    return this.codec ? this.codec[direction](payloads) : Promise.resolve(payloads);
  }

  /** The keys belong to this service's namespace; another namespace's payloads are not ours to read. */
  private checkNamespace(namespace: string | undefined): void {
    if (namespace !== undefined && namespace !== this.namespace) {
      throw ApiError.badRequest('UNKNOWN_NAMESPACE', `This codec serves namespace "${this.namespace}", not "${namespace}".`);
    }
  }
}

function fromJson(json: PayloadJson, index: number): Payload {
  const bytes = (value: string, field: string): Uint8Array => {
    if (typeof value !== 'string' || !BASE64.test(value)) {
      throw ApiError.badRequest('INVALID_PAYLOAD', `payloads[${index}].${field} must be base64`);
    }
    return Buffer.from(value, 'base64');
  };
  const metadata = Object.fromEntries(Object.entries(json.metadata).map(([key, value]) => [key, bytes(value, `metadata.${key}`)]));
  return { metadata, data: bytes(json.data ?? '', 'data') };
}

function toJson(payload: Payload): PayloadJson {
  const base64 = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, base64(value)])),
    data: base64(payload.data),
  };
}
