// Renders one case: its facts, its evidence with both digest checks, and the decision form.
// Every value from the API is written as text (see dom.js).
import { CAPABILITIES } from './api-client.js';
import { definitionList, el, timeEl } from './dom.js';
import { accountSummary, accuracyText } from './history-view.js';

const TARGET_KINDS = { chat_message: '1:1 chat message', open_chat_post: 'Open Chat post', open_chat_comment: 'Open Chat comment' };

/**
 * @param {HTMLElement} container
 * @param {object} detail the case (api-client.js caseFromReport)
 * @param {{reasonLabel: (code: string) => string, policies: Array<{code: string, label: string}>, moderatorId: string}} catalogue
 */
export function renderCase(container, detail, catalogue) {
  const reasons = detail.reasons.map(catalogue.reasonLabel).join(', ');
  const reports = el(
    'ul',
    { class: 'plain' },
    detail.reports.map((r) =>
      el(
        'li',
        { 'data-report-id': r.reportId },
        `${r.reportId} by ${r.reporterId}, filed `,
        timeEl(r.filedAt),
        r.reporterAccuracy ? el('span', { class: 'sub' }, ` · reporter: ${accuracyText(r.reporterAccuracy)}`) : null,
      ),
    ),
  );
  const facts = definitionList(
    [
      ['Status', el('span', { id: 'case-status', 'data-status': detail.status }, statusText(detail))],
      ['Target', `${TARGET_KINDS[detail.target.kind] ?? detail.target.kind} ${detail.target.id}`],
      ['Reported user', detail.reportedUserId],
      ['Reasons', reasons],
      ['Policy categories', detail.policyCategories.join(', ')],
      [detail.reportTotal === 1 ? 'Report' : `Reports (${detail.reportTotal})`, reports],
      ['Waiting since', timeEl(detail.openedAt)],
      ['Review', detail.overdue ? 'Overdue' : 'Within deadline'],
      ...(detail.decision ? [['Decision', decisionText(detail.decision)]] : []),
    ],
    { class: 'facts' },
  );
  const details = detail.reports.filter((r) => r.details).map((r) => el('blockquote', { class: 'user-text' }, r.details));
  container.replaceChildren(
    facts,
    ...details,
    // Section 3 of the case view: what the reported account has done before, beside the evidence.
    accountSummary(detail.reportedUserId, detail.accountHistory),
    el(
      'section',
      { id: 'evidence', 'aria-labelledby': 'evidence-heading' },
      el('h3', { id: 'evidence-heading' }, detail.reportTotal > 1 && detail.evidenceReportId ? `Evidence (stored for ${detail.evidenceReportId})` : 'Evidence'),
      el('p', { id: 'evidence-body' }, 'Loading evidence…'),
    ),
    decisionForm(detail, catalogue),
  );
}

function statusText(detail) {
  const labels = {
    awaiting_review: 'Awaiting review',
    approved: 'Approved',
    rejected: 'Rejected',
    expired: 'Expired',
    received: 'Received',
    reopened: 'Reopened',
  };
  const parts = [labels[detail.status] ?? detail.status];
  if (detail.autoBlock === 'applied') parts.push('reported user blocked for the reporter (R7)');
  if (detail.autoBlock === 'already_in_place') parts.push('the reporter had already blocked them (R7)');
  if (detail.followUpDone) parts.push('customer service notified (R9)');
  return parts.join(' · ');
}

function decisionText(decision) {
  const policy = decision.policy ? `, policy ${decision.policy}` : '';
  const note = decision.note ? `: “${decision.note}”` : '';
  return `${decision.outcome} by ${decision.moderatorId}${policy}${decision.falseReport ? ', marked as a false report' : ''}${note}`;
}

function closedText(detail) {
  if (detail.state !== 'decided' && detail.reopenedAt) return 'This case was reopened: new reports on its target will wait in the queue for review.';
  return `This case is ${detail.status.replace(/_/g, ' ')}: there is nothing left to decide.`;
}

function decisionForm(detail, catalogue) {
  if (detail.status !== 'awaiting_review') {
    return el(
      'section',
      { class: 'decision', 'aria-labelledby': 'decision-heading' },
      el('h3', { id: 'decision-heading' }, 'Decision'),
      el('p', { id: 'case-closed' }, closedText(detail)),
      detail.state === 'decided'
        ? el(
            'p',
            { class: 'claim' },
            el('button', { type: 'button', id: 'reopen', class: 'secondary' }, 'Reopen this case'),
            ' New reports on this target then wait in the queue instead of taking this decision.',
          )
        : null,
    );
  }
  const defaultPolicy = detail.policyCategories[0];
  const policySelect = el(
    'select',
    { id: 'policy', name: 'policy' },
    catalogue.policies.map((p) => el('option', { value: p.code, selected: p.code === defaultPolicy }, `${p.label} (${p.code})`)),
  );
  const form = el(
    'form',
    { id: 'decision-form', class: 'decision', 'aria-labelledby': 'decision-heading' },
    el('h3', { id: 'decision-heading' }, 'Decision'),
    CAPABILITIES.claims ? claimControl(detail, catalogue.moderatorId) : null,
    el(
      'fieldset',
      {},
      el('legend', {}, 'Approve or reject this case'),
      el('div', { class: 'field' }, el('label', { for: 'policy' }, 'Policy applied (R10)'), policySelect),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'note' }, 'Note for the record'),
        el('textarea', { id: 'note', name: 'note', rows: 3, maxlength: 2000 }),
      ),
      el(
        'div',
        { class: 'field checkbox' },
        el('input', { type: 'checkbox', id: 'false-report', name: 'falseReport', 'aria-describedby': 'false-report-help' }),
        el('label', { for: 'false-report' }, 'Reject as a knowingly false report'),
        el('p', { id: 'false-report-help', class: 'help' }, 'Counts a strike against the reporter (R3). Only used when rejecting.'),
      ),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'submit', name: 'action', value: 'approve', id: 'approve', class: 'approve' }, 'Approve and block'),
        el('button', { type: 'submit', name: 'action', value: 'reject', id: 'reject', class: 'reject' }, 'Reject'),
      ),
    ),
  );
  return form;
}

/** A claim keeps the case off the other moderators' queues until it expires. */
function claimControl(detail, me) {
  if (detail.claimedBy === me) {
    return el(
      'p',
      { class: 'claim' },
      'You hold this case until ',
      timeEl(detail.claimExpiresAt),
      '. ',
      el('button', { type: 'button', id: 'unclaim', class: 'secondary' }, 'Release claim'),
    );
  }
  if (detail.claimedBy) return el('p', { class: 'claim' }, `Claimed by ${detail.claimedBy} until `, timeEl(detail.claimExpiresAt), '.');
  return el(
    'p',
    { class: 'claim' },
    el('button', { type: 'button', id: 'claim', class: 'secondary' }, 'Claim this case'),
    ' Others will not be offered it while you work on it.',
  );
}

/** Reads the decision form after a submit; the clicked button says which action. */
export function readDecision(form, submitter) {
  return {
    action: submitter?.value === 'reject' ? 'reject' : 'approve',
    policy: form.elements.namedItem('policy').value,
    note: form.elements.namedItem('note').value.trim(),
    falseReport: form.elements.namedItem('falseReport').checked,
  };
}

/**
 * @param {object} evidence GET /v1/reports/:id/evidence
 * @param {object} browserCheck evidence-check.js result
 * @param {object|null} serverVerify the verify route's answer, where the API has one
 */
export function renderEvidence(container, evidence, browserCheck, serverVerify, detail) {
  const browser = browserCheck.available
    ? browserCheck.verified
      ? ['verified', `Verified in this browser: all ${evidence.items.length} item digests and the root digest recomputed with SHA-256 match.`]
      : ['mismatch', `Does not verify in this browser: ${mismatchText(browserCheck)}. Treat this evidence as altered.`]
    : ['unavailable', `Not recomputed in this browser: ${browserCheck.reason}.`];
  const server = serverCheck(evidence, serverVerify);
  container.replaceChildren(
    definitionList(
      [
        ['Root digest', el('code', { id: 'root-digest', class: 'digest' }, evidence.rootDigest)],
        ['Digest scheme', el('span', { id: 'evidence-scheme' }, evidence.scheme ?? 'sha256-items-v0')],
        ['Items', `${evidence.itemCount}${evidence.truncated ? ' (conversation truncated to the most recent messages)' : ''}`],
        ['Captured', timeEl(evidence.capturedAt)],
      ],
      { class: 'facts' },
    ),
    el('p', { id: 'evidence-browser-check', class: `check ${browser[0]}`, 'data-state': browser[0] }, browser[1]),
    el('p', { id: 'evidence-server-check', class: `check ${server[0]}`, 'data-state': server[0] }, server[1]),
    el(
      'ol',
      { class: 'evidence-items', 'aria-label': 'Captured messages, oldest first' },
      evidence.items.map((item, i) => evidenceItem(item, browserCheck.available ? browserCheck.items[i] : null, detail)),
    ),
  );
}

/** The server's answer: the verify route's (which also compares the root the workflow history recorded), else the evidence view's `intact`. */
function serverCheck(evidence, verify) {
  if (!verify) {
    return evidence.intact
      ? ['verified', 'The server recomputed the digests and they match.']
      : ['mismatch', 'The server reports that the stored evidence does not match its digests.'];
  }
  if (verify.status !== 'intact') return ['mismatch', `The server finds the evidence altered: ${verify.findings.join(', ').replace(/_/g, ' ')}.`];
  return verify.recordedRoot
    ? ['verified', 'The server recomputed the digests; they match the stored root and the root the workflow history recorded at capture.']
    : ['verified', 'The server recomputed the digests and they match the stored root (the workflow history recorded none).'];
}

function mismatchText(check) {
  const problems = [];
  const bad = check.items.filter((ok) => !ok).length;
  if (bad) problems.push(`${bad} item digest${bad === 1 ? '' : 's'} differ`);
  if (!check.rootMatches) problems.push('the root digest differs');
  if (!check.complete) problems.push('items are missing');
  return problems.join(', ');
}

function evidenceItem(item, browserOk, detail) {
  const reported = item.sourceId === detail.target.id;
  const ok = (browserOk ?? true) && item.digestValid !== false;
  return el(
    'li',
    { class: `evidence-item${reported ? ' reported' : ''}`, 'data-digest-valid': String(ok) },
    el(
      'p',
      { class: 'meta' },
      el('strong', {}, item.authorId),
      ' · ',
      timeEl(item.createdAt),
      ` · ${item.sourceKind} ${item.sourceId}`,
      reported ? el('span', { class: 'badge' }, 'Reported content') : null,
    ),
    el('p', { class: 'user-text' }, item.text),
    el(
      'p',
      { class: 'digest-line' },
      el('span', { class: 'visually-hidden' }, 'Digest '),
      el('code', { class: 'digest' }, item.digest),
      ' ',
      el('span', { class: ok ? 'ok' : 'bad' }, ok ? '✓ matches' : '✗ does not match'),
    ),
  );
}
