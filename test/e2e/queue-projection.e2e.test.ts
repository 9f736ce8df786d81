import { getModelToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Model } from 'mongoose';
import request from 'supertest';
import { buildCaseQueue } from '../../src/cases/case-queue';
import { CaseStore } from '../../src/cases/case-store.service';
import { QueueProjection } from '../../src/cases/queue-projection.service';
import { caseEventId } from '../../src/cases/schemas/case-event.schema';
import { reasonWeightsOf } from '../../src/cases/reason-weights';
import { AppConfig } from '../../src/config/app-config';
import { createHttpApp } from '../../src/http-app';
import { QueueFeed } from '../../src/queue-feed/queue-feed.service';
import { QueueFeedEntry } from '../../src/queue-feed/schemas/queue-feed-entry.schema';
import { ReportStore } from '../../src/reports/report-store.service';
import { tokenFor } from '../support/auth';
import { Platform } from '../support/platform-fixtures';
import { TestApp, eventually, startTestApp } from '../support/test-app';

/**
 * The moderation queue each API instance holds in memory, kept current through the
 * `queue_feed` change feed (real FerretDB, real Temporal and worker).
 */
let t: TestApp;
let platform: Platform;
/** A second API instance on the same database, with its own projection and no worker. */
let second: NestExpressApplication;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp('queue-projection');
  platform = new Platform(t);
  // startTestApp left this file's database and task queue in the environment: the same deployment.
  second = await createHttpApp();
  await second.init();
  for (const m of ['mod-a', 'mod-b']) tokens[m] = `Bearer ${await tokenFor('moderator', m)}`;
  await eventually(
    async () => t.app.get(QueueProjection).loaded && second.get(QueueProjection).loaded,
    (loaded) => loaded,
  );
});

afterAll(async () => {
  await second?.close();
  await t?.close();
});

/** A post reported by `count` fresh reporters, every report awaiting review. */
async function reportedPost(count = 1, reasons = ['spam_advertising'], postId?: string): Promise<{ caseId: string; reportIds: string[] }> {
  const target = postId ?? (await platform.post(await platform.user('author'), 'a post'));
  const reportIds: string[] = [];
  for (let i = 0; i < count; i++)
    reportIds.push((await platform.fileReport(await platform.user('rep'), 'open_chat_post', target, reasons).expect(202)).body.reportId);
  await Promise.all(reportIds.map((id) => platform.awaitStatus(id, 'awaiting_review')));
  return { caseId: `case-open_chat_post-${target}`, reportIds };
}

async function queue(app: NestExpressApplication, moderatorId: string, query: Record<string, string | number> = {}) {
  return (
    await request(app.getHttpServer())
      .get('/v1/moderation/queue')
      .query({ limit: 100, ...query })
      .set('Authorization', tokens[moderatorId])
      .expect(200)
  ).body;
}

const queueIds = async (app: NestExpressApplication, moderatorId: string) => (await queue(app, moderatorId)).items.map((i: { caseId: string }) => i.caseId);
const act = (app: NestExpressApplication, caseId: string, action: string, moderatorId: string) =>
  request(app.getHttpServer()).post(`/v1/moderation/cases/${caseId}/${action}`).set('Authorization', tokens[moderatorId]).send({});

describe('the change feed', () => {
  test('writers appending at once, each with its own idea of the end, get unique dense positions and lose nothing', async () => {
    const model = t.app.get<Model<QueueFeedEntry>>(getModelToken(QueueFeedEntry.name));
    // Separate instances: each probes the end and keeps it in memory, as separate processes do.
    const writers = Array.from({ length: 4 }, () => new QueueFeed(model));
    const positions = await Promise.all(writers.flatMap((writer, w) => Array.from({ length: 12 }, (_, i) => writer.append('case', `writer-${w}-${i}`))));
    expect(new Set(positions).size).toBe(positions.length);

    const reader = new QueueFeed(model);
    const end = await reader.end();
    const ids: string[] = [];
    for (let position = 0; position < end; position++) {
      const entry = await reader.entryAt(position);
      expect(entry).not.toBeNull();
      ids.push(entry!.id);
    }
    const ours = ids.filter((id) => id.startsWith('writer-'));
    expect(ours.sort()).toEqual(writers.flatMap((_, w) => Array.from({ length: 12 }, (__, i) => `writer-${w}-${i}`)).sort());
    expect(Math.max(...positions)).toBeLessThan(end);
    // A writer that starts late finds the end by probing and appends right after it.
    expect(await new QueueFeed(model).append('case', 'late')).toBe((await reader.end()) - 1);
  });
});

describe('the in-memory queue', () => {
  test('after filings, claims, a decision and a reopen it answers exactly what the database gives', async () => {
    const weighty = await reportedPost(2, ['violent_threatening']);
    const claimed = await reportedPost(1, ['other']);
    const decided = await reportedPost(2, ['spam_advertising']);
    await act(t.app, claimed.caseId, 'claim', 'mod-a').expect(200);
    await act(t.app, decided.caseId, 'approve', 'mod-b').expect(202);
    await Promise.all(decided.reportIds.map((id) => platform.awaitStatus(id, 'approved')));
    await act(t.app, decided.caseId, 'reopen', 'mod-b').expect(200);
    const postId = decided.caseId.replace('case-open_chat_post-', '');
    const refiled = await reportedPost(1, ['fraud_scam'], postId);
    await act(t.app, weighty.caseId, 'claim', 'mod-b').expect(200);
    await act(t.app, weighty.caseId, 'unclaim', 'mod-b').expect(200);

    const reports = t.app.get(ReportStore);
    const cases = t.app.get(CaseStore);
    const config = t.app.get(AppConfig);
    for (const moderatorId of ['mod-a', 'mod-b']) {
      const fromMemory = await queue(t.app, moderatorId);
      const awaiting = await reports.awaitingReview();
      const events = await cases.eventsOfCases([...new Set(awaiting.map((r) => `case-${r.target.kind}-${r.target.id}`))]);
      const direct = buildCaseQueue(awaiting, events, {
        now: new Date(),
        moderatorId,
        weights: reasonWeightsOf(config.queueReasonWeights),
        reviewDeadlineMs: config.reviewDeadlineMs,
        limit: 100,
      });
      // The preview of the reported text is read for the page after the projection answers it.
      const withoutPreviews = { ...fromMemory, items: fromMemory.items.map(({ preview: _preview, ...item }: { preview?: string }) => item) };
      expect(withoutPreviews).toEqual(JSON.parse(JSON.stringify(direct)));
      expect(fromMemory.items.map((i: { caseId: string }) => i.caseId)).toEqual(
        expect.arrayContaining([weighty.caseId, decided.caseId, ...(moderatorId === 'mod-a' ? [claimed.caseId] : [])]),
      );
    }
    const reopened = (await queue(t.app, 'mod-a')).items.find((i: { caseId: string }) => i.caseId === decided.caseId);
    expect(reopened).toMatchObject({ reopened: true, reportCount: 1, reports: [{ reportId: refiled.reportIds[0] }] });
    expect(t.app.get(QueueProjection).loaded).toBe(true);
  });

  test('a second API instance sees a claim and an unclaim made through the first', async () => {
    const { caseId } = await reportedPost();
    await eventually(
      () => queueIds(second, 'mod-b'),
      (ids) => ids.includes(caseId),
    );
    await act(t.app, caseId, 'claim', 'mod-a').expect(200);
    await eventually(
      () => queueIds(second, 'mod-b'),
      (ids) => !ids.includes(caseId),
    );
    expect(await queueIds(second, 'mod-a')).toContain(caseId);
    await act(second, caseId, 'unclaim', 'mod-a').expect(200);
    await eventually(
      () => queueIds(t.app, 'mod-b'),
      (ids) => ids.includes(caseId),
    );
  });

  test('a write seen in the feed before it landed is applied once it lands', async () => {
    const {
      reportIds: [reportId],
    } = await reportedPost();
    // The stores announce a write before making it; here the projection reads the entry in between.
    await t.app.get(QueueFeed).append('report', reportId, 'moderator_removed');
    await t.app.get(QueueProjection).catchUp();
    expect(JSON.stringify(await queue(t.app, 'mod-a'))).toContain(reportId);
    await t.mongo
      .collection('reports')
      .updateOne({ _id: reportId as never }, { $set: { status: 'expired', 'timeline.moderator_removed': { at: new Date() } } });
    expect(JSON.stringify(await queue(t.app, 'mod-a'))).not.toContain(reportId);
  });

  test('the periodic reload repairs a write no feed entry announced (a process that died in between)', async () => {
    const { caseId } = await reportedPost();
    expect(await queueIds(t.app, 'mod-b')).toContain(caseId);
    // A claim written without its entry: nothing tells the projection, until it reloads.
    const now = new Date();
    await t.mongo.collection('case_events').insertOne({
      _id: caseEventId(caseId, 0) as never,
      caseId,
      seq: 0,
      type: 'claim',
      moderatorId: 'mod-a',
      at: now,
      expiresAt: new Date(now.getTime() + 60_000),
    });
    expect(await queueIds(t.app, 'mod-b')).toContain(caseId);
    await t.app.get(QueueProjection).reload();
    expect(await queueIds(t.app, 'mod-b')).not.toContain(caseId);
    expect(await queueIds(t.app, 'mod-a')).toContain(caseId);
  });
});
