import { bearer } from '../support/auth';
import { activitySummariesOf, activityTypesOf, decryptedHistory } from '../support/history';
import { Platform } from '../support/platform-fixtures';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * R10: an approved report on an Open Chat post or comment takes it down: hidden from everyone but
 * its author, who sees it marked `removed` with the policy and the statement of reasons and
 * nothing that leads to the reporter (R2); the content stays as evidence (R6); the upheld appeal
 * against the sanction restores it. A 1:1 message is never taken down for the other member.
 */
let t: TestApp;
let platform: Platform;

beforeAll(async () => {
  t = await startTestApp('content_takedown');
  platform = new Platform(t);
});

afterAll(async () => {
  await t?.close();
});

type Item = { postId?: string; commentId?: string; removed: { policy: string; at: string; statementOfReasons: string } | null };

const board = (openChatId: string, viewerId: string, extra = '') => t.http().get(`/v1/open-chats/${openChatId}/posts?viewerId=${viewerId}${extra}`);
const postAs = (postId: string, viewerId: string) => t.http().get(`/v1/posts/${postId}?viewerId=${viewerId}`);
const boardIds = async (openChatId: string, viewerId: string) => ((await board(openChatId, viewerId).expect(200)).body.items as Item[]).map((p) => p.postId);

async function newPost(openChatId: string, authorId: string, text: string): Promise<string> {
  return (await t.http().post(`/v1/open-chats/${openChatId}/posts`).send({ authorId, text }).expect(201)).body.postId;
}

/** Files a report on the target, approves it as `mod-1` and waits until the lifecycle has finished its follow-ups. */
async function reportAndApprove(reporterId: string, kind: string, id: string, reasons: string[]): Promise<string> {
  const reportId: string = (await platform.fileReport(reporterId, kind, id, reasons).expect(202)).body.reportId;
  await platform.awaitStatus(reportId, 'awaiting_review');
  await platform.approve(reportId, 'mod-1', 'cs_notified');
  return reportId;
}

describe('R10: content is taken down on approval', () => {
  test('R10, R2, R6: an approved post is hidden from others (board, and 404 CONTENT_REMOVED), its author sees it marked removed; an upheld appeal restores it', async () => {
    const [reporter, author, other] = [await platform.user('Rosalind'), await platform.user('author'), await platform.user('other')];
    const openChatId: string = (await t.http().post('/v1/open-chats').send({ title: 'Hiking', ownerId: author }).expect(201)).body.openChatId;
    const older = await newPost(openChatId, author, 'Saturday hike at 9');
    const reported = await newPost(openChatId, author, 'buy cheap followers at example.test');
    const newer = await newPost(openChatId, other, 'see you there');
    const commentId = await platform.comment(reported, other, 'is this real?');
    expect(await boardIds(openChatId, other)).toEqual([newer, reported, older]);

    const reportId = await reportAndApprove(reporter, 'open_chat_post', reported, ['spam_advertising']);
    expect((await platform.report(reportId)).timeline.map((s: { step: string }) => s.step)).toEqual(
      expect.arrayContaining(['sanctioned', 'content_removed', 'cs_notified']),
    );
    const history = await decryptedHistory(await t.temporal.workflow.getHandle(`report-${reportId}`).fetchHistory());
    const steps = activityTypesOf(history);
    // Right after the sanction step, whose policy and statement the removal carries.
    expect(steps.slice(steps.indexOf('sanctionReportedAccount'), steps.indexOf('sanctionReportedAccount') + 2)).toEqual([
      'sanctionReportedAccount',
      'takeDownReportedContent',
    ]);
    expect(activitySummariesOf(history)).toContainEqual({ activity: 'takeDownReportedContent', summary: 'Take down reported content (R10)' });

    // Everyone else, the reporter included: gone from the board, and the post itself is 404 CONTENT_REMOVED.
    for (const viewer of [other, reporter]) {
      expect(await boardIds(openChatId, viewer)).toEqual([newer, older]);
      expect((await postAs(reported, viewer).expect(404)).body.code).toBe('CONTENT_REMOVED');
    }
    expect((await t.http().post(`/v1/posts/${reported}/comments`).send({ authorId: other, text: 'still here?' }).expect(404)).body.code).toBe(
      'CONTENT_REMOVED',
    );

    // The author still sees it, marked with the policy (R10), when, and the statement of reasons.
    const authorsBoard = (await board(openChatId, author).expect(200)).body.items as Item[];
    expect(authorsBoard.map((p) => p.postId)).toEqual([newer, reported, older]);
    expect(authorsBoard.filter((p) => p.removed).map((p) => p.postId)).toEqual([reported]);
    const authorsPost = (await postAs(reported, author).expect(200)).body;
    expect(authorsPost).toMatchObject({
      postId: reported,
      text: 'buy cheap followers at example.test',
      removed: { policy: 'spam' },
      comments: [{ commentId, removed: null }],
    });
    expect(authorsPost.removed.statementOfReasons).toContain(reported);
    expect(authorsPost.removed.statementOfReasons).toMatch(/appeal/);
    expect(Date.parse(authorsPost.removed.at)).toBeGreaterThan(Date.parse(authorsPost.createdAt));

    // R2: nothing the author receives names or leads back to the reporter: not the reporter's id
    // or name, not the report id (derived from the reporter), not the CS ticket id.
    const ticketId: string = (await t.http().get(`/v1/cs/tickets?reportId=${reportId}`).expect(200)).body.items[0].ticketId;
    const notices = (await t.http().get(`/v1/users/${author}/notices`).expect(200)).body;
    const restrictions = (await t.http().get(`/v1/users/${author}/restrictions`).expect(200)).body;
    for (const seen of [authorsBoard, authorsPost, notices, restrictions].map((body) => JSON.stringify(body))) {
      for (const secret of [reporter, 'Rosalind', reportId, ticketId]) expect(seen).not.toContain(secret);
    }

    // R6: the content survives, as the stored post and as the report's evidence.
    expect(await t.mongo.collection('posts').countDocuments({ _id: reported as never, text: 'buy cheap followers at example.test' })).toBe(1);
    const evidence = (await t.http().get(`/v1/reports/${reportId}/evidence`).expect(200)).body;
    expect(evidence.items.map((i: { text: string }) => i.text)).toContain('buy cheap followers at example.test');

    // The upheld appeal against the sanction (decided by another moderator) restores it for everyone.
    const [sanction] = restrictions.active;
    const appealId: string = (
      await t.http().post(`/v1/users/${author}/restrictions/${sanction.sanctionId}/appeal`).send({ statement: 'It was a joke among friends.' }).expect(201)
    ).body.appealId;
    await t
      .http()
      .post(`/v1/moderation/appeals/${appealId}/decide`)
      .set('Authorization', await bearer('moderator', 'mod-2'))
      .send({ outcome: 'uphold' })
      .expect(200);
    // The decide answer waits for the sanction workflow's overturn and restore steps: restored at once.
    expect(await boardIds(openChatId, other)).toEqual([newer, reported, older]);
    expect((await postAs(reported, other).expect(200)).body).toMatchObject({ postId: reported, removed: null, comments: [{ commentId }] });
    expect((await postAs(reported, author).expect(200)).body.removed).toBeNull();
    // Moderators read both in the account's history, with the report behind the take-down.
    const timeline = (
      await t
        .http()
        .get(`/v1/moderation/users/${author}/history`)
        .set('Authorization', await bearer('moderator', 'mod-3'))
        .expect(200)
    ).body.timeline as Array<{ kind: string; reportId?: string; appealId?: string }>;
    expect(timeline.filter((e) => e.kind.startsWith('content_'))).toMatchObject([
      { kind: 'content_restored', appealId },
      { kind: 'content_removed', reportId },
    ]);
    const sanctionHistory = await decryptedHistory(await t.temporal.workflow.getHandle(`sanction-${sanction.sanctionId}`).fetchHistory());
    expect(activitySummariesOf(sanctionHistory)).toContainEqual({
      activity: 'restoreContentOnAppeal',
      summary: 'Restore content taken down with the sanction (R10)',
    });
  });

  test('R10, R2: a removed comment is hidden inside its post from others; its author sees it marked removed', async () => {
    const [reporter, poster, commenter, other] = [
      await platform.user('rep'),
      await platform.user('poster'),
      await platform.user('commenter'),
      await platform.user('other'),
    ];
    const postId = await platform.post(poster, 'my hiking photos');
    const reportedComment = await platform.comment(postId, commenter, 'here is her home address: ...');
    const kept = await platform.comment(postId, other, 'lovely views');

    const reportId = await reportAndApprove(reporter, 'open_chat_comment', reportedComment, ['personal_information']);

    // The post stays up; only the comment goes, for the poster, the reporter and anyone else.
    for (const viewer of [poster, reporter, other]) {
      const view = (await postAs(postId, viewer).expect(200)).body;
      expect({ viewer, removed: view.removed, comments: (view.comments as Item[]).map((c) => c.commentId) }).toEqual({
        viewer,
        removed: null,
        comments: [kept],
      });
    }
    const commentersView = (await postAs(postId, commenter).expect(200)).body;
    expect((commentersView.comments as Item[]).map((c) => [c.commentId, c.removed !== null])).toEqual([
      [reportedComment, true],
      [kept, false],
    ]);
    const removal = (commentersView.comments as Item[])[0].removed!;
    expect(Object.keys(removal).sort()).toEqual(['at', 'policy', 'statementOfReasons']);
    expect(removal.statementOfReasons).toContain(reportedComment);
    // R2: the statement of reasons and the rest of the commenter's view name nobody who reported.
    for (const secret of [reporter, reportId]) expect(JSON.stringify(commentersView)).not.toContain(secret);
  });

  test('R6: a reported 1:1 message is not removed for the other member; the room is deleted for the reporter only', async () => {
    const { reporter, reported, chatId, messageId, reportId } = await platform.chatReport();
    await platform.approve(reportId, 'mod-1', 'cs_notified');
    const timeline = (await platform.report(reportId)).timeline.map((s: { step: string }) => s.step);
    expect(timeline).toContain('sanctioned');
    expect(timeline).not.toContain('content_removed');
    const othersView = (await t.http().get(`/v1/chats/${chatId}?userId=${reported}`).expect(200)).body;
    expect(othersView.messages.map((m: { messageId: string }) => m.messageId)).toContain(messageId);
    await t.http().get(`/v1/chats/${chatId}?userId=${reporter}`).expect(404);
    expect(await t.mongo.collection('content_moderation_events').countDocuments({ contentId: messageId })).toBe(0);
  });

  test('the board pages newest first past hidden posts; bad viewers and cursors are refused with stable codes', async () => {
    const [reporter, author] = [await platform.user('rep'), await platform.user('author')];
    const openChatId: string = (await t.http().post('/v1/open-chats').send({ title: 'Paged', ownerId: author }).expect(201)).body.openChatId;
    const first = await newPost(openChatId, author, 'one');
    const hidden = await newPost(openChatId, author, 'buy cheap followers');
    const last = await newPost(openChatId, author, 'three');
    await reportAndApprove(reporter, 'open_chat_post', hidden, ['spam_advertising']);

    const pages: Array<Array<string | undefined>> = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = (await board(openChatId, reporter, `&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200))
        .body;
      pages.push(page.items.map((p) => p.postId));
      cursor = page.nextCursor;
    } while (cursor && pages.length < 10);
    // A page whose one post is hidden comes back empty but still leads on.
    expect(pages).toEqual([[last], [], [first], []]);

    expect((await board(openChatId, 'nobody-here').expect(404)).body.code).toBe('USER_NOT_FOUND');
    expect((await board('oc_missing', reporter).expect(404)).body.code).toBe('OPEN_CHAT_NOT_FOUND');
    expect((await board(openChatId, reporter, '&cursor=not-a-cursor').expect(400)).body.code).toBe('INVALID_CURSOR');
    expect((await t.http().get(`/v1/open-chats/${openChatId}/posts`).expect(400)).body.code).toBeDefined();
    expect((await postAs('post_missing', reporter).expect(404)).body.code).toBe('POST_NOT_FOUND');
  });
});
