// The console's controller: sign-in; for moderators the queue, opening a case, deciding and
// following the workflow until its block (R7) and customer-service notice (R9) are recorded,
// reopening it, the appeals and the account history; for support staff the codec session, each
// report's link to the Temporal Web UI, and the tickets with their measures and lifts.
import { ApiClient, CAPABILITIES, consoleSettings, readToken } from './api-client.js';
import { clearAppeals, loadAppeals, mountAppeals } from './appeals-view.js';
import { readDecision, renderCase, renderEvidence } from './case-view.js';
import { el, replaceChildren, timeEl } from './dom.js';
import { checkEvidenceInBrowser } from './evidence-check.js';
import { announce, fail, guarded, whenUnauthorized } from './feedback.js';
import { clearHistory, mountHistory } from './history-view.js';
import { clearSupport, renderReport, renderSession, renderTickets } from './support-view.js';
import { clearTicket, mountTickets } from './ticket-view.js';

const TOKEN_KEY = 'report-lifecycle.console.token';
const FOLLOW_UP_POLL_MS = 500;
const FOLLOW_UP_LIMIT_MS = 30_000;
const $ = (id) => document.getElementById(id);
const state = { client: null, catalogue: null, cursor: null, caseId: null, support: null };
/** What the screens in their own modules get from the controller. */
const session = { client: () => state.client, openCase: (caseId) => openCase(caseId), reloadTickets: () => loadTickets() };

whenUnauthorized(() => {
  if (state.client) signOut();
});

/** The token's roles pick the workspaces; a token without a roles claim is tried as a moderator's (the API decides). */
async function signIn(token) {
  const claims = readToken(token);
  if (!claims) throw new Error('Cannot sign in: that is not an access token (a JWT with a subject).');
  const moderator = claims.roles.length === 0 || claims.roles.includes('moderator');
  const support = claims.roles.includes('support');
  if (!moderator && !support) throw new Error(`Cannot sign in: the token of ${claims.sub} carries neither the moderator nor the support role.`);
  const client = new ApiClient(token);
  if (moderator) await startModeration(client, claims);
  if (support) await startSupport(client, claims);
  state.client = client;
  sessionStorage.setItem(TOKEN_KEY, token);
  $('principal-id').textContent = claims.sub;
  $('principal-roles').textContent = [moderator ? 'moderator' : null, support ? 'support' : null].filter(Boolean).join(', ');
  $('sign-in').hidden = true;
  $('signed-in').hidden = false;
  if (moderator) {
    $('workspace').hidden = false;
    await loadQueue();
    // The queue is the moderator's main work: appeals that cannot load now say so without blocking it.
    await loadAppeals(session).catch(fail);
  }
  if (support) {
    $('support-workspace').hidden = false;
    await loadTickets();
  }
}

async function startModeration(client, claims) {
  const [reasons, policies] = await Promise.all([client.reasons(), client.policies()]);
  const labels = new Map(reasons.map((r) => [r.code, r.label]));
  state.catalogue = { reasonLabel: (code) => labels.get(code) ?? code, policies, moderatorId: claims.sub };
  $('filter-reason').replaceChildren(el('option', { value: '' }, 'Any'), ...reasons.map((r) => el('option', { value: r.code }, r.label)));
}

/** Opens the codec session first: every Temporal UI link below relies on it. */
async function startSupport(client, claims) {
  const [settings] = await Promise.all([consoleSettings(), client.openCodecSession()]);
  state.support = { settings };
  renderSession(claims);
}

function signOut() {
  // The codec session ends with the console's: this browser keeps no token that decrypts histories.
  if (state.support && state.client) state.client.closeCodecSession().catch(() => undefined);
  sessionStorage.removeItem(TOKEN_KEY);
  Object.assign(state, { client: null, catalogue: null, cursor: null, caseId: null, support: null });
  $('token').value = '';
  $('sign-in').hidden = false;
  $('signed-in').hidden = true;
  $('workspace').hidden = true;
  $('support-workspace').hidden = true;
  $('queue-rows').replaceChildren();
  $('case-body').replaceChildren();
  $('case-placeholder').hidden = false;
  clearAppeals();
  clearHistory();
  clearSupport();
  clearTicket();
  $('token').focus();
}

async function loadTickets() {
  const tickets = await state.client.openTickets();
  renderTickets(tickets, state.support.settings);
  announce(`Signed in for support: ${tickets.length} open follow-up ticket(s). Each report's "Temporal UI" link opens its history there.`);
}

async function lookUpReport(reportId) {
  const report = await state.client.report(reportId.trim());
  renderReport(report, state.support.settings);
  announce(`Report ${report.reportId} is ${report.status.replace(/_/g, ' ')}; its history is one click away.`);
}

async function loadQueue(more = false) {
  const filters = { targetKind: $('filter-kind').value, reason: $('filter-reason').value };
  const page = await state.client.queue(more ? state.cursor : undefined, filters);
  state.cursor = page.nextCursor;
  if (!more) $('queue-rows').replaceChildren();
  $('queue-rows').append(...page.cases.map(queueRow));
  const empty = $('queue-rows').children.length === 0;
  $('queue-empty').hidden = !empty;
  $('queue-table').hidden = empty;
  $('queue-more').hidden = !page.nextCursor;
  announce(`${$('queue-rows').children.length} case(s) awaiting review.`);
}

function queueRow(item) {
  const reasons = item.reasons.map(state.catalogue.reasonLabel).join(', ');
  const review = [
    item.overdue ? 'Review overdue' : 'Within deadline',
    item.reopened ? 'reopened' : null,
    item.claimedBy ? (item.claimedBy === state.catalogue.moderatorId ? 'claimed by you' : `claimed by ${item.claimedBy}`) : null,
  ]
    .filter(Boolean)
    .join(', ');
  return el(
    'tr',
    { 'data-case-id': item.caseId, 'aria-current': item.caseId === state.caseId ? 'true' : null },
    el(
      'td',
      {},
      el('button', { type: 'button', class: 'link', 'data-open-case': item.caseId, 'aria-label': `Open case ${item.caseId}` }, item.caseId),
      el('span', { class: 'sub' }, `${item.target.kind} ${item.target.id}`),
      item.reportCount > 1 ? el('span', { class: 'sub' }, `${item.reportCount} reports`) : null,
    ),
    el('td', {}, reasons),
    el('td', {}, timeEl(item.openedAt), el('span', { class: item.overdue ? 'sub overdue' : 'sub' }, review)),
  );
}

async function openCase(caseId, { focus = true, message } = {}) {
  const detail = await state.client.caseDetail(caseId);
  state.caseId = caseId;
  for (const row of $('queue-rows').children) row.toggleAttribute('aria-current', row.dataset.caseId === caseId);
  $('case-placeholder').hidden = true;
  replaceChildren($('case-heading'), `Case ${caseId}`);
  renderCase($('case-body'), detail, state.catalogue);
  if (focus) $('case-heading').focus();
  if (!detail.hasEvidence) {
    replaceChildren($('evidence-body'), 'No evidence has been stored for this case yet.');
    announce(message ?? `Case ${caseId} opened; it has no evidence yet.`);
    return detail;
  }
  const evidence = await state.client.evidence(detail);
  // The server's verification is a second opinion: if it cannot answer now, the view's own check stands.
  const [browserCheck, serverVerify] = await Promise.all([checkEvidenceInBrowser(evidence), state.client.verifyEvidence(detail).catch(() => null)]);
  const container = el('div', { id: 'evidence-body' });
  $('evidence-body').replaceWith(container);
  renderEvidence(container, evidence, browserCheck, serverVerify, detail);
  const verdict = browserCheck.available
    ? browserCheck.verified
      ? 'evidence verified in this browser'
      : 'evidence does NOT verify'
    : 'evidence checked by the server only';
  announce(message ?? `Case ${caseId} opened: ${evidence.items.length} evidence item(s), ${verdict}.`);
  return detail;
}

async function decide(form, submitter) {
  const decision = readDecision(form, submitter);
  if (decision.action === 'approve' && decision.falseReport) throw new Error('A false-report mark only goes with a rejection: clear it, or reject.');
  const detail = await state.client.caseDetail(state.caseId);
  form.querySelector('fieldset').disabled = true;
  const verb = decision.action === 'approve' ? 'approved' : 'rejected';
  try {
    await state.client.decide(detail, decision.action, decision);
  } catch (error) {
    await openCase(detail.caseId, { focus: false }).catch(() => undefined);
    throw error;
  }
  announce(`Case ${detail.caseId} ${verb}. Waiting for the workflow to finish its follow-up steps…`);
  const done = await followUp(detail.caseId, decision.action);
  const outcome =
    done.autoBlock === 'applied'
      ? 'the reported user is now blocked for the reporter (R7)'
      : done.autoBlock === 'already_in_place'
        ? 'the reporter had already blocked the reported user (R7)'
        : null;
  const parts = [outcome, done.followUpDone ? 'customer service was notified (R9)' : 'follow-up still running'].filter(Boolean);
  await openCase(detail.caseId, { message: `Case ${detail.caseId} ${verb}: ${parts.join('; ')}.` });
  await loadQueue().catch(fail);
  $('status').textContent = `Case ${detail.caseId} ${verb}: ${parts.join('; ')}.`;
}

/** A decided case opens again: the API refuses (403) a moderator who reported it or is its author. */
async function reopen() {
  const caseId = state.caseId;
  await state.client.reopenCase(caseId);
  await openCase(caseId, { focus: false, message: `Case ${caseId} reopened: new reports on its target will wait in the queue for review.` });
  await loadQueue();
  $('status').textContent = `Case ${caseId} reopened: new reports on its target will wait in the queue for review.`;
}

/** The decision is recorded before the API answers; the block and CS ticket follow in the workflow. */
async function followUp(caseId, action) {
  const deadline = Date.now() + FOLLOW_UP_LIMIT_MS;
  for (;;) {
    const detail = await state.client.caseDetail(caseId);
    const finished = detail.followUpDone && (action !== 'approve' || detail.autoBlock);
    if (finished || Date.now() > deadline) return detail;
    await new Promise((resolve) => setTimeout(resolve, FOLLOW_UP_POLL_MS));
  }
}

$('sign-in').addEventListener(
  'submit',
  guarded(async () => {
    announce('Signing in…');
    await signIn($('token').value);
  }),
);
$('sign-out').addEventListener(
  'click',
  guarded(() => {
    signOut();
    announce('Signed out.');
  }),
);
$('refresh-queue').addEventListener(
  'click',
  guarded(() => loadQueue()),
);
$('refresh-tickets').addEventListener(
  'click',
  guarded(() => loadTickets()),
);
$('report-lookup').addEventListener(
  'submit',
  guarded(() => lookUpReport($('lookup-report-id').value)),
);
$('queue-filters').addEventListener(
  'submit',
  guarded(() => loadQueue()),
);
$('queue-more').addEventListener(
  'click',
  guarded(() => loadQueue(true)),
);
$('queue-rows').addEventListener(
  'click',
  guarded((event) => {
    const button = event.target.closest('[data-open-case]');
    if (button) return openCase(button.dataset.openCase);
  }),
);
$('case-body').addEventListener(
  'submit',
  guarded((event) => decide(event.target, event.submitter)),
);
$('case-body').addEventListener('click', (event) => {
  if (event.target.id === 'reopen') return guarded(reopen)(event);
  const action = { claim: 'claim', unclaim: 'unclaim' }[event.target.id];
  if (!action || !CAPABILITIES.claims) return;
  guarded(async () => {
    await state.client[action](await state.client.caseDetail(state.caseId));
    await loadQueue();
    await openCase(state.caseId, { message: action === 'claim' ? `You claimed case ${state.caseId}.` : `You released case ${state.caseId}.` });
  })(event);
});

mountAppeals(session);
mountHistory(session);
mountTickets(session);

const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved)
  signIn(saved).catch((error) => {
    signOut();
    fail(error);
  });
