import mongoose, { Connection, Model, Schema } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { CaseEvent, CaseEventSchema } from '../../src/cases/schemas/case-event.schema';
import { isDuplicateKey } from '../../src/common/database-errors';
import { insertManyValidated, insertValidated } from '../../src/common/insert-validated';
import { EvidenceItem, EvidenceItemSchema } from '../../src/evidence/schemas/evidence-item.schema';
import { Notice, NoticeSchema } from '../../src/notices/schemas/notice.schema';
import { Report, ReportSchema } from '../../src/reports/schemas/report.schema';
import { testServers } from '../support/test-env';

let connection: Connection;

beforeAll(async () => {
  const url = testServers().mongoBaseUrl(`t_insert_${randomUUID().slice(0, 8)}`);
  connection = await mongoose.createConnection(url).asPromise();
});

afterAll(async () => {
  await connection?.dropDatabase();
  await connection?.close();
});

/** The document as the database holds it, read past mongoose. */
function raw<T>(model: Model<T>, id: string) {
  return model.collection.findOne({ _id: id as never });
}

/** Each stored under its own id, once by `create` and once by `insertValidated`; what differs beyond the id and the clock. */
async function bothWays<T>(model: Model<T>, fields: (id: string) => object) {
  const [viaCreate, viaInsert] = [`c-${randomUUID()}`, `i-${randomUUID()}`];
  await model.create(fields(viaCreate));
  const returned = await insertValidated(model, fields(viaInsert));
  return { created: await raw(model, viaCreate), inserted: await raw(model, viaInsert), returned };
}

const withoutIdsAndClock = (doc: object | null) => {
  const { _id, createdAt, updatedAt, ...rest } = doc as Record<string, unknown>;
  return { ...rest, createdAt: createdAt instanceof Date, updatedAt: updatedAt instanceof Date };
};

describe('insertValidated stores what create would', () => {
  test('a report: timestamps, the default timeline, a subdocument, values cast to the schema types', async () => {
    const reports = connection.model(Report.name, ReportSchema);
    const { created, inserted, returned } = await bothWays(reports, (_id) => ({
      _id,
      reporterId: 'usr_a',
      reportedUserId: 'usr_b',
      target: { kind: 'chat_message', id: 'msg_1', ignored: 'not in the schema' },
      reasons: ['spam'],
      policyCategories: ['spam'],
      status: 'received',
      workflowId: 'report-fixed',
      reviewOpenedAt: '2026-11-27T10:00:00.000Z',
      unknownField: 'dropped by strict mode',
    }));
    expect(withoutIdsAndClock(inserted)).toEqual(withoutIdsAndClock(created));
    expect(inserted).toMatchObject({ timeline: {}, reviewOpenedAt: new Date('2026-11-27T10:00:00.000Z'), target: { kind: 'chat_message', id: 'msg_1' } });
    expect(inserted).not.toHaveProperty('unknownField');
    expect(inserted!.updatedAt).toEqual(inserted!.createdAt);
    expect(returned).toEqual(inserted);
  });

  test('a notice and a case event: optional fields left out stay out, nested objects kept', async () => {
    const notices = connection.model(Notice.name, NoticeSchema);
    const notice = await bothWays(notices, (_id) => ({
      _id,
      userId: 'usr_a',
      kind: 'report_received',
      text: 'We received it.',
      details: { reasons: ['spam'] },
      createdAt: new Date('2026-11-27T10:00:00Z'),
    }));
    expect(notice.inserted).toEqual({ ...notice.created, _id: notice.inserted!._id });
    const events = connection.model(CaseEvent.name, CaseEventSchema);
    const event = await bothWays(events, (_id) => ({
      _id,
      caseId: 'case_1',
      seq: '3',
      type: 'decision',
      moderatorId: 'mod_1',
      at: new Date('2026-11-27T10:00:00Z'),
      decision: { outcome: 'approved', policy: 'spam' },
    }));
    expect(event.inserted).toEqual({ ...event.created, _id: event.inserted!._id });
    expect(event.inserted).toMatchObject({ seq: 3 });
  });

  test('a schema with a version key gets version 0, as create gives it', async () => {
    const versioned = connection.model('Versioned', new Schema({ _id: String, name: String }, { collection: 'versioned' }));
    const { created, inserted } = await bothWays(versioned, (_id) => ({ _id, name: 'x' }));
    expect(inserted).toMatchObject({ name: 'x', __v: 0 });
    expect(inserted).toEqual({ ...created, _id: inserted!._id });
  });

  test('an invalid document is refused with mongoose’s ValidationError and nothing is stored', async () => {
    const notices = connection.model(Notice.name, NoticeSchema);
    const _id = `bad-${randomUUID()}`;
    await expect(insertValidated(notices, { _id, userId: 'usr_a', kind: 'not_a_kind', text: '', createdAt: new Date() })).rejects.toMatchObject({
      name: 'ValidationError',
      errors: { kind: expect.anything(), text: expect.anything() },
    });
    expect(await raw(notices, _id)).toBeNull();
  });

  test('a second insert under the same id is a duplicate key and leaves the first as it was', async () => {
    const notices = connection.model(Notice.name, NoticeSchema);
    const _id = `dup-${randomUUID()}`;
    await insertValidated(notices, { _id, userId: 'usr_a', kind: 'report_received', text: 'first', createdAt: new Date() });
    const second = await insertValidated(notices, { _id, userId: 'usr_a', kind: 'report_received', text: 'second', createdAt: new Date() }).catch((e) => e);
    expect(isDuplicateKey(second)).toBe(true);
    expect(await raw(notices, _id)).toMatchObject({ text: 'first' });
  });
});

describe('insertManyValidated', () => {
  const items = () => connection.model(EvidenceItem.name, EvidenceItemSchema);
  const item = (reportId: string, seq: number, text = `message ${seq}`) => ({
    _id: `${reportId}:${seq}`,
    reportId,
    seq,
    sourceKind: 'chat_message',
    sourceId: `msg_${seq}`,
    authorId: 'usr_a',
    text,
    createdAt: new Date(),
    digest: `d${seq}`,
  });

  test('stores every document; one already there fails the call with a duplicate key after the others landed', async () => {
    const reportId = `rpt_${randomUUID()}`;
    await insertManyValidated(items(), [item(reportId, 1)]);
    const error = await insertManyValidated(
      items(),
      [0, 1, 2].map((seq) => item(reportId, seq)),
    ).catch((e) => e);
    expect((error as { writeErrors: Array<{ code: number }> }).writeErrors.map((e) => e.code)).toEqual([11000]);
    expect(await items().countDocuments({ reportId })).toBe(3);
  });

  test('one invalid document stores none of them (insertMany would store the rest and leave a hole in the chain)', async () => {
    const reportId = `rpt_${randomUUID()}`;
    await expect(insertManyValidated(items(), [item(reportId, 0), item(reportId, 1, '')])).rejects.toMatchObject({ name: 'ValidationError' });
    expect(await items().countDocuments({ reportId })).toBe(0);
  });
});
