// Moderators: the reported account's history (reports about it by outcome with each reporter's
// accuracy, its sanctions, appeals and one timeline), and the summary the case view shows beside
// the evidence. Staff only: it names reporters, so nothing here is ever shown to the account (R2).
import { caseIdOf } from './api-client.js';
import { definitionList, el, replaceChildren, timeEl } from './dom.js';
import { announce, guarded } from './feedback.js';

const $ = (id) => document.getElementById(id);
const OUTCOMES = [
  ['approved', 'Approved'],
  ['rejected', 'Rejected'],
  ['expired', 'Expired'],
  ['open', 'Open'],
];

/** The case view's counts, with a button that opens the full history below. */
export function accountSummary(userId, summary) {
  if (!summary) return el('section', { id: 'account-summary', class: 'account-summary' }, el('p', {}, 'No account history available.'));
  const r = summary.reports;
  return el(
    'section',
    { id: 'account-summary', class: 'account-summary', 'aria-labelledby': 'account-summary-heading' },
    el('h3', { id: 'account-summary-heading' }, `History of ${userId}`),
    definitionList(
      [
        [
          'Reports about them',
          `${summary.reportsTotal}: ${r.approved} approved, ${r.rejected} rejected (${r.falseReports} false), ${r.expired} expired, ${r.open} open`,
        ],
        ['Sanctions', `${summary.sanctions.active} active, ${summary.sanctions.past} past`],
        ['Appeals', `${summary.appeals.pending} pending, ${summary.appeals.upheld} upheld, ${summary.appeals.denied} denied`],
        ['Restricted now', restrictionText(summary.restriction)],
      ],
      { class: 'facts' },
    ),
    el('button', { type: 'button', class: 'secondary', 'data-history-user': userId }, `Full history of ${userId}`),
  );
}

function restrictionText(restriction) {
  if (!restriction) return 'No';
  return restriction.until
    ? el('span', {}, `Yes, until `, timeEl(restriction.until), ` (${restriction.sanctionId})`)
    : `Yes, permanently (${restriction.sanctionId})`;
}

/** R3: a reporter's record in a few words. */
export function accuracyText(a) {
  const share = a.accuracy === null ? 'no decision yet' : `${Math.round(a.accuracy * 100)}% approved`;
  return `${a.filed} filed, ${share}${a.falseReports ? `, ${a.falseReports} false` : ''}`;
}

function reportRow(report) {
  const caseId = caseIdOf(report.target);
  return el(
    'tr',
    { 'data-report-id': report.reportId, 'data-status': report.status },
    el('td', {}, el('code', {}, report.reportId), el('span', { class: 'sub' }, `${report.target.kind} ${report.target.id}`)),
    el(
      'td',
      {},
      report.reasons.join(', '),
      report.policy ? el('span', { class: 'sub' }, `policy ${report.policy}`) : null,
      report.falseReport ? el('span', { class: 'sub' }, 'false report') : null,
    ),
    el('td', {}, report.reporterId, el('span', { class: 'sub' }, accuracyText(report.reporterAccuracy))),
    el('td', {}, 'filed ', timeEl(report.filedAt), report.decidedAt ? el('span', { class: 'sub' }, 'decided ', timeEl(report.decidedAt)) : null),
    el('td', {}, el('button', { type: 'button', class: 'link', 'data-open-case': caseId, 'aria-label': `Open case ${caseId}` }, 'Open case')),
  );
}

function reportTables(reports) {
  return OUTCOMES.map(([key, label]) => {
    const rows = reports[key];
    const heading = el('h4', { id: `history-${key}-heading` }, `${label} (${rows.length})`);
    if (rows.length === 0) return el('div', { id: `history-${key}` }, heading, el('p', { class: 'sub' }, 'None.'));
    return el(
      'div',
      { id: `history-${key}` },
      heading,
      el(
        'table',
        { 'aria-labelledby': `history-${key}-heading` },
        el('thead', {}, el('tr', {}, ...['Report', 'Reasons', 'Reporter', 'When', 'Case'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.map(reportRow)),
      ),
    );
  });
}

function sanctionItem(s) {
  const term = s.measure === 'restriction' ? `${s.days}-day restriction` : s.measure;
  return el(
    'li',
    { 'data-sanction-id': s.sanctionId, 'data-status': s.status },
    el('strong', {}, term),
    ` · ${s.status.replace(/_/g, ' ')} · policy ${s.policy} · ${s.target.kind} ${s.target.id} · by ${s.decidedBy} (${s.source.replace(/_/g, ' ')}) · from `,
    timeEl(s.startsAt),
    s.endsAt ? el('span', {}, ' to ', timeEl(s.endsAt)) : null,
    s.appeal !== 'none' ? ` · appeal ${s.appeal}` : null,
    ' ',
    el('code', {}, s.sanctionId),
  );
}

function list(id, items, render, empty) {
  return items.length ? el('ul', { id, class: 'plain history-list' }, items.map(render)) : el('p', { id, class: 'sub' }, empty);
}

export function renderHistory(container, history) {
  container.replaceChildren(
    el('h3', { id: 'history-of' }, `Account ${history.userId}`),
    accountSummary(history.userId, history.summary).querySelector('dl'),
    el('h3', {}, 'Reports about this account'),
    ...reportTables(history.reports),
    el('h3', {}, 'Sanctions'),
    el('h4', {}, 'Active and on record'),
    list('history-sanctions-active', history.sanctions.active, sanctionItem, 'None.'),
    el('h4', {}, 'Past'),
    list('history-sanctions-past', history.sanctions.past, sanctionItem, 'None.'),
    el('h3', {}, 'Appeals'),
    list(
      'history-appeals',
      history.appeals,
      (a) =>
        el(
          'li',
          { 'data-appeal-id': a.appealId, 'data-status': a.status },
          `${a.status} · sanction ${a.sanctionId} · filed `,
          timeEl(a.filedAt),
          a.decidedBy ? ` · decided by ${a.decidedBy}` : null,
          el('p', { class: 'user-text' }, a.statement),
        ),
      'None.',
    ),
    el('h3', {}, 'Timeline (newest first)'),
    el(
      'ol',
      { id: 'history-timeline', class: 'plain history-list' },
      history.timeline.map((entry) =>
        el(
          'li',
          { 'data-kind': entry.kind },
          timeEl(entry.at),
          ` ${entry.kind.replace(/_/g, ' ')}`,
          entry.detail ? `: ${entry.detail}` : '',
          ` ${entry.reportId ?? entry.sanctionId ?? ''}`,
        ),
      ),
    ),
  );
}

/**
 * Wires the look-up form and every "full history" button on the page.
 * @param {{client: () => import('./api-client.js').ApiClient, openCase: (caseId: string) => Promise<unknown>}} session
 */
export function mountHistory(session) {
  const show = async (userId) => {
    const id = userId.trim();
    $('history-user-id').value = id;
    const history = await session.client().accountHistory(id);
    renderHistory($('history-body'), history);
    $('history-heading').scrollIntoView?.({ block: 'start' });
    const s = history.summary;
    announce(`History of ${id}: ${s.reportsTotal} report(s) about them, ${s.sanctions.active} active and ${s.sanctions.past} past sanction(s).`);
  };
  $('history-lookup').addEventListener(
    'submit',
    guarded(() => show($('history-user-id').value)),
  );
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-history-user]');
    if (button) guarded(() => show(button.dataset.historyUser))(event);
  });
  $('history-body').addEventListener('click', (event) => {
    const button = event.target.closest('[data-open-case]');
    if (button) guarded(() => session.openCase(button.dataset.openCase))(event);
  });
}

export function clearHistory() {
  replaceChildren($('history-body'));
  $('history-user-id').value = '';
}
