import { ChatsService } from '../../src/chats/chats.service';
import { CsTicketsService } from '../../src/customer-service/cs-tickets.service';
import { TicketResolutionsService } from '../../src/customer-service/ticket-resolutions.service';
import type { Report } from '../../src/reports/schemas/report.schema';
import { BlocksService } from '../../src/users/blocks.service';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

// The embedded FerretDB loses one of two concurrent updates to one document. Each test below
// races writers on what used to be one shared document, many times over, against the real
// database: a lost write shows as a member who still sees the room, a ticket back to open, or a
// block another approval relies on lifted.
let t: TestApp;
let platform: Platform;
const ROUNDS = 12;

beforeAll(async () => {
  t = await startTestApp('shared-documents', {}, { worker: false });
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

const rounds = <T>(run: (i: number) => Promise<T>) => Promise.all(Array.from({ length: ROUNDS }, (_, i) => run(i)));

test('R6: both members of a 1:1 chat reporting at once each lose the room', async () => {
  const chats = t.app.get(ChatsService);
  const seen = await rounds(async () => {
    const [a, b] = [await platform.user('a'), await platform.user('b')];
    const chatId = await platform.chat(a, b);
    await Promise.all([chats.deleteForUser(chatId, a), chats.deleteForUser(chatId, b), chats.deleteForUser(chatId, a)]);
    const visible = async (userId: string) =>
      chats.view(chatId, userId).then(
        () => true,
        () => false,
      );
    return [await visible(a), await visible(b)];
  });
  expect(seen.flat().filter(Boolean)).toEqual([]);
});

test('R9: a retried ticket open racing its resolution leaves the ticket resolved', async () => {
  const tickets = t.app.get(CsTicketsService);
  const resolutions = t.app.get(TicketResolutionsService);
  const statuses = await rounds(async (i) => {
    const report = {
      _id: `rpt-race-${i}-${Date.now()}`,
      target: { kind: 'open_chat_post', id: `post-${i}` },
      reasons: ['spam_advertising'],
      policyCategories: ['spam'],
      reportedUserId: `author-${i}`,
      reporterId: `rep-${i}`,
      status: 'approved',
      decision: { outcome: 'approved', moderatorId: 'mod-1', decidedAt: new Date() },
    } as unknown as Report;
    const ticketId = await tickets.open('report_decided', report);
    await Promise.all([resolutions.resolve(ticketId, 'cs-1', { measure: 'none' }), ...Array.from({ length: 4 }, () => tickets.open('report_decided', report))]);
    const [one, listed] = await Promise.all([tickets.get(ticketId), tickets.list({ reportId: report._id, status: 'resolved' })]);
    return { status: one.status, listedResolved: listed.items.some((item) => item.ticketId === ticketId) };
  });
  expect(statuses.filter((s) => s.status !== 'resolved' || !s.listedResolved)).toEqual([]);
});

describe('R7, R8: the block of one user by another', () => {
  async function pair() {
    return { reporter: await platform.user('rep'), author: await platform.user('author') };
  }

  test('two approvals at once both rely on the block: an upheld appeal on one keeps it', async () => {
    const blocks = t.app.get(BlocksService);
    const kept = await rounds(async (i) => {
      const { reporter, author } = await pair();
      await Promise.allSettled([blocks.applyReportBlock(`r1-${i}`, reporter, author), blocks.applyReportBlock(`r2-${i}`, reporter, author)]);
      // A racing approval may ask to be retried (its activity would be): the retry settles it.
      await blocks.applyReportBlock(`r1-${i}`, reporter, author);
      await blocks.applyReportBlock(`r2-${i}`, reporter, author);
      const revoked = await blocks.revokeReportBlock(`r1-${i}`, reporter, author);
      return { revoked, blocked: await blocks.isBlocked(reporter, author) };
    });
    expect(kept.filter((k) => !k.blocked)).toEqual([]);
  });

  test("a manual block at the same time as an approval stays when the approval's sanction is overturned", async () => {
    const blocks = t.app.get(BlocksService);
    const kept = await rounds(async (i) => {
      const { reporter, author } = await pair();
      await Promise.allSettled([blocks.applyReportBlock(`r-${i}`, reporter, author), blocks.block(reporter, author)]);
      await blocks.applyReportBlock(`r-${i}`, reporter, author);
      await blocks.revokeReportBlock(`r-${i}`, reporter, author);
      return blocks.isBlocked(reporter, author);
    });
    expect(kept.filter((blocked) => !blocked)).toEqual([]);
  });

  test('an unblock racing a manual block ends in one of the two, and the list agrees', async () => {
    const blocks = t.app.get(BlocksService);
    const agree = await rounds(async () => {
      const { reporter, author } = await pair();
      await blocks.block(reporter, author);
      await Promise.allSettled([blocks.unblock(reporter, author), blocks.block(reporter, author)]);
      const [blocked, listed] = await Promise.all([blocks.isBlocked(reporter, author), blocks.list(reporter)]);
      return blocked === listed.some((b) => b.blockedUserId === author && b.active);
    });
    expect(agree.filter((ok) => !ok)).toEqual([]);
  });
});
