import { Answer, call, expectStatus } from './http';

export const KINDS = ['chat_message', 'open_chat_post', 'open_chat_comment'] as const;

export interface PlannedReport {
  index: number;
  kind: (typeof KINDS)[number];
  reporterId: string;
  authorId: string;
  targetId: string;
  chatId?: string;
  /** Friends' 1:1 messages are refused (R4): 409 at filing, and nothing is stored. */
  friends: boolean;
  decision: 'approve' | 'reject';
}

/** Users and content for report i: a fresh reporter/author pair, so every block belongs to one report. */
export async function prepare(api: string, index: number): Promise<PlannedReport> {
  const kind = KINDS[index % KINDS.length];
  const reporterId = `chaos-r${index}`;
  const authorId = `chaos-a${index}`;
  for (const userId of [reporterId, authorId]) expectStatus(await call(api, 'POST', '/v1/users', { userId, displayName: userId }), 201, 409);
  const friends = kind === 'chat_message' && index % 10 === 0;
  if (friends) expectStatus(await call(api, 'POST', `/v1/users/${reporterId}/friends`, { friendId: authorId }), 201);
  const decision = index % 3 === 2 ? 'reject' : 'approve';
  const base = { index, kind, reporterId, authorId, friends, decision } as const;
  if (kind === 'chat_message') {
    const chatId = (await ok(call<{ chatId: string }>(api, 'POST', '/v1/chats', { memberIds: [reporterId, authorId] }))).body.chatId;
    await ok(call(api, 'POST', `/v1/chats/${chatId}/messages`, { senderId: reporterId, text: `hello ${index}` }));
    const messageId = (await ok(call<{ messageId: string }>(api, 'POST', `/v1/chats/${chatId}/messages`, { senderId: authorId, text: `threat ${index}` }))).body
      .messageId;
    return { ...base, chatId, targetId: messageId };
  }
  const openChatId = (await ok(call<{ openChatId: string }>(api, 'POST', '/v1/open-chats', { title: `board ${index}`, ownerId: authorId }))).body.openChatId;
  const postAuthor = kind === 'open_chat_post' ? authorId : reporterId;
  const postId = (await ok(call<{ postId: string }>(api, 'POST', `/v1/open-chats/${openChatId}/posts`, { authorId: postAuthor, text: `post ${index}` }))).body
    .postId;
  if (kind === 'open_chat_post') return { ...base, targetId: postId };
  const commentId = (await ok(call<{ commentId: string }>(api, 'POST', `/v1/posts/${postId}/comments`, { authorId, text: `comment ${index}` }))).body.commentId;
  return { ...base, targetId: commentId };
}

/** Files the report (retrying with its Idempotency-Key) and decides it; returns its id, or null when refused (R4). */
export async function fileAndDecide(api: string, plan: PlannedReport): Promise<string | null> {
  const filed = await call<{ reportId: string }>(
    api,
    'POST',
    '/v1/reports',
    { reporterId: plan.reporterId, target: { kind: plan.kind, id: plan.targetId }, reasons: ['abusive_hateful'] },
    { 'Idempotency-Key': `chaos-${plan.index}` },
  );
  // A friend's message is refused at filing (409): no report, no workflow.
  expectStatus(filed, plan.friends ? 409 : 202);
  if (plan.friends) return null;
  const reportId: string = filed.body.reportId;
  const decided = await call<{ code?: string } | null>(api, 'POST', `/v1/reports/${reportId}/${plan.decision}`, {});
  // A retried decision whose first attempt landed answers 409 already decided.
  if (decided.status !== 200 && decided.body?.code !== 'REPORT_ALREADY_DECIDED') throw new Error(`decision failed: ${JSON.stringify(decided.body)}`);
  return reportId;
}

async function ok<T>(answer: Promise<Answer<T>>): Promise<Answer<T>> {
  return expectStatus(await answer, 201);
}
