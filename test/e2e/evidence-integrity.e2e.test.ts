import { CHAIN_SCHEME, LEGACY_SCHEME, chainDigests, chainRoot } from '../../src/evidence/evidence-chain';
import { itemDigest, rootDigest } from '../../src/evidence/evidence-digest';
import { keyedReportId } from '../../src/reports/filing-identity';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('evidence_integrity');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

/** A 1:1 report over a conversation of `count` messages, once its evidence is stored. */
async function chatReport(count = 4) {
  const reporter = await platform.user('rep');
  const reported = await platform.user('reported');
  const chatId = await platform.chat(reporter, reported);
  let last = '';
  for (let i = 0; i < count; i++) last = await platform.message(chatId, i % 2 ? reported : reporter, `message ${i}`);
  const res = await platform.fileReport(reporter, 'chat_message', last, ['violent_threatening']).expect(202);
  const report = await platform.awaitStatus(res.body.reportId, 'awaiting_review');
  return { reportId: res.body.reportId as string, report };
}

const verify = async (reportId: string) => (await t.http().get(`/v1/reports/${reportId}/evidence/verify`).expect(200)).body;
const items = () => t.mongo.collection('evidence_items');
const sets = () => t.mongo.collection('evidence_sets');

describe('R6: tamper-evident evidence', () => {
  test('R6: untouched evidence verifies as intact against the stored root and the root in the workflow history', async () => {
    const { reportId, report } = await chatReport();
    const result = await verify(reportId);
    expect(result).toMatchObject({ reportId, scheme: CHAIN_SCHEME, status: 'intact', items: 4, expectedItems: 4, findings: [] });
    expect(result.firstAlteredIndex).toBeUndefined();
    expect(result.recomputedRoot).toBe(result.storedRoot);
    expect(result.recordedRoot).toBe(result.storedRoot);
    expect(report.evidence).toMatchObject({ rootDigest: result.storedRoot, scheme: CHAIN_SCHEME });
  });

  test('R6: one message altered directly in the database is reported as altered at its index', async () => {
    const { reportId } = await chatReport();
    await items().updateOne({ reportId, seq: 2 }, { $set: { text: 'message 2, rewritten' } });
    const result = await verify(reportId);
    expect(result).toMatchObject({ status: 'altered', firstAlteredIndex: 2 });
    expect(result.findings).toContain('item_altered');
    expect(result.recomputedRoot).not.toBe(result.storedRoot);
    const view = (await t.http().get(`/v1/reports/${reportId}/evidence`).expect(200)).body;
    expect(view.intact).toBe(false);
    expect(view.items.map((i: { digestValid: boolean }) => i.digestValid)).toEqual([true, true, false, true]);
  });

  test('R6: a deleted item is found where it is missing', async () => {
    const { reportId } = await chatReport();
    await items().deleteOne({ reportId, seq: 1 });
    expect(await verify(reportId)).toMatchObject({ status: 'altered', firstAlteredIndex: 1, items: 3, expectedItems: 4 });
  });

  test('R6: the last item deleted is found through the count and the root', async () => {
    const { reportId } = await chatReport();
    await items().deleteOne({ reportId, seq: 3 });
    const result = await verify(reportId);
    expect(result).toMatchObject({ status: 'altered', firstAlteredIndex: 3 });
    expect(result.findings).toEqual(expect.arrayContaining(['item_missing', 'stored_root_mismatch']));
  });

  test('R6: two items swapped in order are found at the first swapped position', async () => {
    const { reportId } = await chatReport();
    const [one, two] = await Promise.all([items().findOne({ reportId, seq: 1 }), items().findOne({ reportId, seq: 2 })]);
    // Swap the content of positions 1 and 2 (digests stay put): the order the reader sees changes.
    const content = (d: typeof one) => ({ sourceId: d!.sourceId, authorId: d!.authorId, text: d!.text, createdAt: d!.createdAt });
    await items().updateOne({ _id: one!._id }, { $set: content(two) });
    await items().updateOne({ _id: two!._id }, { $set: content(one) });
    expect(await verify(reportId)).toMatchObject({ status: 'altered', firstAlteredIndex: 1 });
  });

  test('R6: a consistently rewritten chain and stored root are caught by the root the workflow history recorded', async () => {
    const { reportId, report } = await chatReport();
    const stored = await items().find({ reportId }).sort({ seq: 1 }).toArray();
    const forged = stored.map((d) => ({
      sourceKind: d.sourceKind as string,
      sourceId: d.sourceId as string,
      authorId: d.authorId as string,
      createdAt: d.createdAt as Date,
      text: d.seq === 0 ? 'nothing to see here' : (d.text as string),
    }));
    const digests = chainDigests(reportId, forged);
    for (const [seq, item] of forged.entries()) await items().updateOne({ reportId, seq }, { $set: { text: item.text, digest: digests[seq] } });
    await sets().updateOne({ _id: reportId as never }, { $set: { rootDigest: chainRoot(reportId, digests) } });

    const result = await verify(reportId);
    expect(result).toMatchObject({ status: 'altered', findings: ['recorded_root_mismatch', 'root_signature_invalid'] });
    expect(result.recomputedRoot).toBe(result.storedRoot);
    expect(result.recordedRoot).toBe(report.evidence.rootDigest);
    expect(result.recordedRoot).not.toBe(result.storedRoot);
  });

  test('R6: evidence stored under the old per-item scheme is verified by that scheme, not called altered', async () => {
    // A capture from before the chain: items with their own digests and a set without a scheme
    // field. Filing with a known Idempotency-Key makes the workflow's storeEvidence find it, so
    // the history records the old root, as it did for reports captured back then.
    const reporter = await platform.user('rep');
    const author = await platform.user('author');
    const postId = await platform.post(author, 'a post from before the chain');
    const key = `legacy-${reporter}`;
    const reportId = keyedReportId(process.env.ID_HMAC_SECRET!, reporter, key);
    const post = await t.mongo.collection('posts').findOne({ _id: postId as never });
    const content = { sourceKind: 'open_chat_post', sourceId: postId, authorId: author, text: post!.text as string, createdAt: post!.createdAt as Date };
    const digest = itemDigest(content);
    await items().insertOne({ _id: `${reportId}:000000` as never, reportId, seq: 0, ...content, digest });
    await sets().insertOne({
      _id: reportId as never,
      rootDigest: rootDigest([digest]),
      itemCount: 1,
      truncated: false,
      cutoff: new Date(),
      capturedAt: new Date(),
    });

    await platform.fileReport(reporter, 'open_chat_post', postId, ['abusive_hateful'], key).expect(202);
    await platform.awaitStatus(reportId, 'awaiting_review');
    // The recorded root is read from the history: storeEvidence's result, recorded before the
    // review opens.
    const result = await eventually(
      () => verify(reportId),
      (r) => r.recordedRoot != null,
    );
    expect(result).toMatchObject({ scheme: LEGACY_SCHEME, status: 'intact', recordedRoot: rootDigest([digest]), recomputedRoot: rootDigest([digest]) });

    await items().updateOne({ reportId, seq: 0 }, { $set: { text: 'edited' } });
    expect(await verify(reportId)).toMatchObject({ scheme: LEGACY_SCHEME, status: 'altered', firstAlteredIndex: 0 });
  });

  test('verifying an unknown report is 404 REPORT_NOT_FOUND', async () => {
    const res = await t.http().get('/v1/reports/rpt_nope/evidence/verify').expect(404);
    expect(res.body.code).toBe('REPORT_NOT_FOUND');
  });
});
