import { randomUUID } from 'node:crypto';
import { bearer } from './auth';
import { eventually, type TestApp } from './test-app';

/** Small helpers that build the platform model through the public API, as an app backend would. */
export class Platform {
  constructor(private readonly t: Pick<TestApp, 'http'>) {}

  async user(label: string): Promise<string> {
    const userId = `${label}-${randomUUID().slice(0, 6)}`;
    await this.t.http().post('/v1/users').send({ userId, displayName: label }).expect(201);
    return userId;
  }

  async befriend(ownerId: string, friendId: string): Promise<void> {
    await this.t.http().post(`/v1/users/${ownerId}/friends`).send({ friendId }).expect(201);
  }

  async block(blockerId: string, blockedUserId: string): Promise<void> {
    await this.t.http().post(`/v1/users/${blockerId}/blocks`).send({ blockedUserId }).expect(201);
  }

  async chat(a: string, b: string): Promise<string> {
    const res = await this.t
      .http()
      .post('/v1/chats')
      .send({ memberIds: [a, b] })
      .expect(201);
    return res.body.chatId;
  }

  async message(chatId: string, senderId: string, text: string): Promise<string> {
    const res = await this.t.http().post(`/v1/chats/${chatId}/messages`).send({ senderId, text }).expect(201);
    return res.body.messageId;
  }

  async post(authorId: string, text: string): Promise<string> {
    const openChat = await this.t.http().post('/v1/open-chats').send({ title: 'Board', ownerId: authorId }).expect(201);
    const res = await this.t.http().post(`/v1/open-chats/${openChat.body.openChatId}/posts`).send({ authorId, text }).expect(201);
    return res.body.postId;
  }

  async comment(postId: string, authorId: string, text: string): Promise<string> {
    const res = await this.t.http().post(`/v1/posts/${postId}/comments`).send({ authorId, text }).expect(201);
    return res.body.commentId;
  }

  fileReport(reporterId: string, kind: string, id: string, reasons: string[] = ['abusive_hateful'], key?: string) {
    const req = this.t.http().post('/v1/reports');
    if (key) req.set('Idempotency-Key', key);
    return req.send({ reporterId, target: { kind, id }, reasons });
  }

  /** Filing with `Prefer: wait`: answered once the workflow moved the report past `received`, or after `waitSeconds`. */
  fileReportWaiting(waitSeconds: number, reporterId: string, kind: string, id: string, options: { reasons?: string[]; key?: string } = {}) {
    return this.fileReport(reporterId, kind, id, options.reasons, options.key).set('Prefer', `wait=${waitSeconds}`);
  }

  /** A threatening 1:1 message between two new users, reported and waiting for review. */
  async chatReport(reasons = ['violent_threatening']) {
    const reporter = await this.user('rep');
    const reported = await this.user('reported');
    const chatId = await this.chat(reporter, reported);
    await this.message(chatId, reporter, 'why are you angry?');
    const messageId = await this.message(chatId, reported, 'I know where you live');
    const res = await this.fileReport(reporter, 'chat_message', messageId, reasons).expect(202);
    const reportId = res.body.reportId as string;
    const report = await this.awaitStatus(reportId, 'awaiting_review');
    return { reporter, reported, chatId, messageId, reportId, workflowId: report.workflowId as string, report };
  }

  async report(reportId: string) {
    return (await this.t.http().get(`/v1/reports/${reportId}`).expect(200)).body;
  }

  awaitStatus(reportId: string, status: string) {
    return eventually(
      () => this.report(reportId),
      (report) => report.status === status,
    );
  }

  /** `moderatorId` approves the report; resolves once the workflow has written `untilStep` (the steps after a decision run asynchronously). */
  async approve(reportId: string, moderatorId: string, untilStep: string) {
    await this.t
      .http()
      .post(`/v1/reports/${reportId}/approve`)
      .set('Authorization', await bearer('moderator', moderatorId))
      .send({})
      .expect(200);
    return this.awaitStep(reportId, untilStep);
  }

  /** Waits until the workflow has written the given timeline step (steps after a decision run asynchronously). */
  awaitStep(reportId: string, step: string) {
    return eventually(
      () => this.report(reportId),
      (report) => report.timeline.some((t: { step: string }) => t.step === step),
    );
  }
}
