import { defaultFailureConverter, defaultPayloadConverter, LoadedDataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { evidenceReceiptInHistory } from '../../src/reports/recorded-evidence';

const receipt = { evidenceSetId: 'rpt_1', scheme: 'sha256-jcs-chain-v1', rootDigest: 'ab'.repeat(32), itemCount: 3 };

/** Stands in for an encryption codec: without decoding, neither encoding nor data can be read. */
const scramble = (bytes: Uint8Array) => Uint8Array.from(bytes, (b) => b ^ 0x5a);
const scrambled = (payloads: Payload[]) =>
  payloads.map((p) => ({ metadata: { ...p.metadata, encoding: scramble(p.metadata!.encoding) }, data: scramble(p.data!) }));
const scramblingCodec: PayloadCodec = { encode: async (payloads) => scrambled(payloads), decode: async (payloads) => scrambled(payloads) };

function historyWith(result: Payload | undefined, activityType = 'storeEvidence') {
  return {
    events: [
      { eventId: 5, activityTaskScheduledEventAttributes: { activityType: { name: 'deleteChatRoom' } } },
      { eventId: 7, activityTaskScheduledEventAttributes: { activityType: { name: activityType } } },
      { eventId: 9, activityTaskCompletedEventAttributes: { scheduledEventId: 7, result: result ? { payloads: [result] } : undefined } },
    ],
  } as never;
}

const converter = (payloadCodecs: PayloadCodec[] = []): LoadedDataConverter => ({
  payloadConverter: defaultPayloadConverter,
  failureConverter: defaultFailureConverter,
  payloadCodecs,
});

describe('R6: the evidence root recorded in the workflow history', () => {
  test('is read from the storeEvidence activity result', async () => {
    expect(await evidenceReceiptInHistory(historyWith(defaultPayloadConverter.toPayload(receipt)), converter())).toEqual(receipt);
  });

  test('goes through the client codecs first, so an encoded history reads the same', async () => {
    const [encoded] = await scramblingCodec.encode([defaultPayloadConverter.toPayload(receipt)]);
    expect(await evidenceReceiptInHistory(historyWith(encoded), converter([scramblingCodec]))).toEqual(receipt);
  });

  test('is null when no capture completed, or only another activity did', async () => {
    expect(await evidenceReceiptInHistory(historyWith(undefined), converter())).toBeNull();
    expect(await evidenceReceiptInHistory(historyWith(defaultPayloadConverter.toPayload(receipt), 'openReview'), converter())).toBeNull();
  });
});
