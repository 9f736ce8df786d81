import { setTimeout as sleep } from 'node:timers/promises';

/** A tiny JSON client of the API; fetch keeps connections alive, as an app backend would. */
export class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string,
  ) {}

  async post<T = unknown>(path: string, body: unknown, expected: number, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: this.authorization, ...headers },
      body: JSON.stringify(body),
    });
    return this.read<T>(res, 'POST', path, expected);
  }

  async get<T = unknown>(path: string, expected = 200): Promise<T> {
    return this.read<T>(await fetch(this.baseUrl + path, { headers: { authorization: this.authorization } }), 'GET', path, expected);
  }

  /** Polls a report until the workflow has moved it to `status`. */
  async awaitStatus(reportId: string, status: string, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const report = await this.get<{ status: string }>(`/v1/reports/${reportId}`);
      if (report.status === status) return;
      if (Date.now() > deadline) throw new Error(`report ${reportId} still ${report.status} after ${timeoutMs} ms`);
      // Gently: every poll is a database read that competes with the workflows being measured.
      await sleep(200);
    }
  }

  private async read<T>(res: Response, method: string, path: string, expected: number): Promise<T> {
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/**
 * Two users, their chat and `messages` messages, through the API; returns the last message (by
 * the reported user). `before` writes earlier messages once the chat exists.
 */
export async function chatThroughApi(
  api: Api,
  tag: string,
  messages = 2,
  before?: (chatId: string, memberIds: [string, string]) => Promise<void>,
): Promise<{ reporterId: string; reportedId: string; chatId: string; messageId: string }> {
  const reporterId = `rep-${tag}`;
  const reportedId = `usr-${tag}`;
  await api.post('/v1/users', { userId: reporterId, displayName: 'Reporter' }, 201);
  await api.post('/v1/users', { userId: reportedId, displayName: 'Reported' }, 201);
  const { chatId } = await api.post<{ chatId: string }>('/v1/chats', { memberIds: [reporterId, reportedId] }, 201);
  await before?.(chatId, [reporterId, reportedId]);
  let messageId = '';
  for (let i = 0; i < messages; i++) {
    const senderId = i === messages - 1 || i % 2 === 1 ? reportedId : reporterId;
    ({ messageId } = await api.post<{ messageId: string }>(`/v1/chats/${chatId}/messages`, { senderId, text: `message ${i} of the benchmark` }, 201));
  }
  return { reporterId, reportedId, chatId, messageId };
}

/** Files a report on a chat message; with `waitSeconds`, asks to be answered once the review opened (`Prefer: wait`). */
export function fileReport(api: Api, reporterId: string, messageId: string, waitSeconds = 0) {
  return api.post<{ reportId: string; workflowId: string; status: string }>(
    '/v1/reports',
    { reporterId, target: { kind: 'chat_message', id: messageId }, reasons: ['abusive_hateful'] },
    202,
    waitSeconds > 0 ? { prefer: `wait=${waitSeconds}` } : {},
  );
}

/**
 * Times `requests` moderation-queue pages walked with their cursors, as a moderator pages;
 * every 20th request starts over at the top. Returns the latencies in milliseconds.
 */
export async function walkQueuePages(api: Api, requests: number): Promise<number[]> {
  const samples: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const page: { nextCursor: string | null } = await api.get(`/v1/moderation/queue?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
    samples.push(performance.now() - started);
    cursor = i % 20 === 19 ? null : page.nextCursor;
  }
  return samples;
}
