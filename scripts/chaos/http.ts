import { setTimeout as sleep } from 'node:timers/promises';

/** `body` is the answer's JSON in the shape the caller expects (null when it had none). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

let authorization: string | undefined;

/** The bearer every call carries (the run mints one for its own API). */
export function useAuthorization(bearer: string): void {
  authorization = bearer;
}

/**
 * A client that behaves like a careful app backend: on a connection error, 5xx or timeout it
 * retries the same request (with the same Idempotency-Key), which the API must absorb.
 */
export async function call<T = unknown>(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(base + path, {
        method,
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const answer = { status: res.status, body: (await res.json().catch(() => null)) as T };
      if (res.status < 500) return answer;
      if (attempt >= 40) return answer;
    } catch (error) {
      if (attempt >= 40) throw error;
    }
    await sleep(Math.min(250 * attempt, 3_000));
  }
}

export function expectStatus<T>(answer: Answer<T>, ...allowed: number[]): Answer<T> {
  if (!allowed.includes(answer.status)) throw new Error(`unexpected ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}
