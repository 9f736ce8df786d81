import { createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedNotice {
  noticeId: string;
  body: Record<string, unknown>;
  attempt: string | undefined;
}

/**
 * A receiver as an app backend would write one: checks the signature with node:crypto (not
 * with the service's code), answers 500 to the first `failFirst` requests of each notice, and
 * keeps each notice once by its id however often it arrives.
 */
export class NoticeReceiver {
  /** De-duplicated by notice id: what the app would show its user. */
  readonly notices = new Map<string, ReceivedNotice>();
  readonly requestsPerNotice = new Map<string, number>();
  badSignatures = 0;
  private server?: Server;

  constructor(
    private readonly secret: string,
    private readonly failFirst: number,
    /** Notices whose id contains this are always refused (to see a delivery given up). */
    private readonly alwaysFailMarker = 'always-fail',
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/notices`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const noticeId = String(req.headers['x-notice-id'] ?? '');
    const timestamp = String(req.headers['x-notice-timestamp'] ?? '');
    const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(`${timestamp}.${raw}`).digest('hex')}`);
    const given = Buffer.from(String(req.headers['x-signature'] ?? ''));
    const body = JSON.parse(raw) as Record<string, unknown>;
    if (expected.length !== given.length || !timingSafeEqual(expected, given) || body.noticeId !== noticeId) {
      this.badSignatures += 1;
      res.writeHead(401).end();
      return;
    }
    const seen = (this.requestsPerNotice.get(noticeId) ?? 0) + 1;
    this.requestsPerNotice.set(noticeId, seen);
    if (seen <= this.failFirst || noticeId.includes(this.alwaysFailMarker)) {
      res.writeHead(500).end('try again');
      return;
    }
    if (!this.notices.has(noticeId)) this.notices.set(noticeId, { noticeId, body, attempt: req.headers['x-notice-attempt'] as string | undefined });
    res.writeHead(204).end();
  }
}
