import { setTimeout as sleep } from 'node:timers/promises';
import { Answer, call, expectStatus } from './http';

export const KINDS = ['chat_message', 'open_chat_post', 'open_chat_comment'] as const;

/** A piece of content the workload created, as the evidence must hold it (R6). */
export interface SentContent {
  sourceKind: 'chat_message' | 'open_chat_post' | 'open_chat_comment';
  sourceId: string;
  authorId: string;
  text: string;
}

/** What the workload sends and decides for report i: the expectations are derived from this alone. */
export interface PlannedReport {
  index: number;
  kind: (typeof KINDS)[number];
  reporterId: string;
  authorId: string;
  targetId: string;
  chatId?: string;
  /** Friends' 1:1 messages are refused (R4): 409 at filing, and nothing is stored. */
  friends: boolean;
  reasons: readonly string[];
  decision: 'approve' | 'reject';
  /** R3: a rejection the moderator marks as a false report. */
  falseReport: boolean;
  /** R9: the moderator sends the approval to customer service with high priority. */
  escalate: boolean;
  /** A moderator's reading time between filing and deciding, so some decisions come while the lifecycle runs. */
  decideAfterMs: number;
  /** The evidence, in capture order: what the reported conversation or board held at filing. */
  content: SentContent[];
}

/** Where a report's filing stands, for counting the work in flight at a kill. */
export interface Progress {
  /** The filing was sent at least once: from here on the report is planned. */
  sent: boolean;
  /** The workload is done with it: refused (R4), or decided. */
  settled: boolean;
  reportId?: string;
}

/** Users and content for report i (`reading` in [0, 1) picks the moderator's reading time): a fresh reporter/author pair, so every record found for them belongs to this report. */
export async function prepare(api: string, index: number, reading: number): Promise<PlannedReport> {
  const kind = KINDS[index % KINDS.length];
  const reporterId = `chaos-r${index}`;
  const authorId = `chaos-a${index}`;
  for (const userId of [reporterId, authorId]) expectStatus(await call(api, 'POST', '/v1/users', { userId, displayName: userId }), 201, 409);
  const friends = kind === 'chat_message' && index % 10 === 0;
  if (friends) expectStatus(await call(api, 'POST', `/v1/users/${reporterId}/friends`, { friendId: authorId }), 201);
  const decision = index % 3 === 2 ? 'reject' : 'approve';
  const base = {
    index,
    kind,
    reporterId,
    authorId,
    friends,
    reasons: [index % 5 === 4 ? 'illegal_content' : 'abusive_hateful'],
    decision,
    falseReport: decision === 'reject' && index % 2 === 0,
    escalate: decision === 'approve' && index % 7 === 1,
    decideAfterMs: Math.floor(reading * 4_000),
  } as const;
  if (kind === 'chat_message') {
    const chatId = (await ok(call<{ chatId: string }>(api, 'POST', '/v1/chats', { memberIds: [reporterId, authorId] }))).body.chatId;
    const hello = await message(api, chatId, reporterId, `hello ${index}`);
    const threat = await message(api, chatId, authorId, `threat ${index}`);
    return { ...base, chatId, targetId: threat.sourceId, content: [hello, threat] };
  }
  const openChatId = (await ok(call<{ openChatId: string }>(api, 'POST', '/v1/open-chats', { title: `board ${index}`, ownerId: authorId }))).body.openChatId;
  const postAuthor = kind === 'open_chat_post' ? authorId : reporterId;
  const postText = `post ${index}`;
  const postId = (await ok(call<{ postId: string }>(api, 'POST', `/v1/open-chats/${openChatId}/posts`, { authorId: postAuthor, text: postText }))).body.postId;
  const post: SentContent = { sourceKind: 'open_chat_post', sourceId: postId, authorId: postAuthor, text: postText };
  if (kind === 'open_chat_post') return { ...base, targetId: postId, content: [post] };
  const commentText = `comment ${index}`;
  const commentId = (await ok(call<{ commentId: string }>(api, 'POST', `/v1/posts/${postId}/comments`, { authorId, text: commentText }))).body.commentId;
  return { ...base, targetId: commentId, content: [post, { sourceKind: 'open_chat_comment', sourceId: commentId, authorId, text: commentText }] };
}

/**
 * Files the report as a careful client does (a lost answer is retried with the same
 * Idempotency-Key) and decides it after the plan's reading time; the report counts as planned
 * from the first send on, answered or not.
 */
export async function fileAndDecide(api: string, plan: PlannedReport, progress: Progress): Promise<void> {
  progress.sent = true;
  const filed = await call<{ reportId: string }>(
    api,
    'POST',
    '/v1/reports',
    { reporterId: plan.reporterId, target: { kind: plan.kind, id: plan.targetId }, reasons: plan.reasons },
    { 'Idempotency-Key': `chaos-${plan.index}` },
  );
  // A friend's message is refused at filing (409): no report, no workflow.
  expectStatus(filed, plan.friends ? 409 : 202);
  if (plan.friends) return void (progress.settled = true);
  const reportId: string = filed.body.reportId;
  progress.reportId = reportId;
  await sleep(plan.decideAfterMs);
  const body = plan.decision === 'approve' ? (plan.escalate ? { escalate: true } : {}) : plan.falseReport ? { falseReport: true } : {};
  const decided = await call<{ code?: string } | null>(api, 'POST', `/v1/reports/${reportId}/${plan.decision}`, body);
  // A retried decision whose first attempt landed answers 409 already decided.
  if (decided.status !== 200 && decided.body?.code !== 'REPORT_ALREADY_DECIDED') throw new Error(`decision failed: ${JSON.stringify(decided.body)}`);
  progress.settled = true;
}

async function message(api: string, chatId: string, senderId: string, text: string): Promise<SentContent> {
  const { messageId } = (await ok(call<{ messageId: string }>(api, 'POST', `/v1/chats/${chatId}/messages`, { senderId, text }))).body;
  return { sourceKind: 'chat_message', sourceId: messageId, authorId: senderId, text };
}

async function ok<T>(answer: Promise<Answer<T>>): Promise<Answer<T>> {
  return expectStatus(await answer, 201);
}
