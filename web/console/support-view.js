// The support workspace: each report linked to its history in the Temporal Web UI. The sign-in
// has opened the codec session (an HttpOnly cookie only /codec reads), so that UI decrypts the
// history in this browser; nothing here ever sees a decrypted payload.
import { definitionList, el, replaceChildren, timeEl } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The report's page in the Temporal UI (its workflow, in the API's namespace), or null without a UI. */
export function temporalUiLink(settings, reportId) {
  if (!settings.temporalUiReportUrl) return el('span', { class: 'sub' }, 'No Temporal UI configured (TEMPORAL_UI_URL).');
  const href = settings.temporalUiReportUrl.replace('{reportId}', encodeURIComponent(reportId));
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer', 'aria-label': `Open report ${reportId} in the Temporal UI` }, 'Temporal UI');
}

/** How long this browser can read histories: the session cookie lasts as long as the token. */
export function renderSession(claims) {
  replaceChildren(
    $('codec-session'),
    'The Temporal UI decrypts report histories in this browser until ',
    timeEl(claims.expiresAt),
    ' (or until you sign out).',
  );
}

export function renderTickets(tickets, settings) {
  $('ticket-rows').replaceChildren(...tickets.map((ticket) => ticketRow(ticket, settings)));
  $('tickets-empty').hidden = tickets.length > 0;
  $('ticket-table').hidden = tickets.length === 0;
}

function ticketRow(ticket, settings) {
  return el(
    'tr',
    { 'data-report-id': ticket.reportId, 'data-ticket-id': ticket.ticketId },
    el(
      'td',
      {},
      el('button', { type: 'button', class: 'link', 'data-open-ticket': ticket.ticketId, 'aria-label': `Open ticket ${ticket.ticketId}` }, ticket.summary),
      el('span', { class: 'sub' }, `${ticket.kind.replace(/_/g, ' ')} · ${ticket.priority} priority · `, timeEl(ticket.createdAt)),
    ),
    el('td', {}, el('code', {}, ticket.reportId)),
    el('td', {}, temporalUiLink(settings, ticket.reportId)),
  );
}

/** One report found by its id: its status and its link. */
export function renderReport(report, settings) {
  replaceChildren(
    $('lookup-result'),
    definitionList(
      [
        ['Report', el('code', {}, report.reportId)],
        ['Status', report.status.replace(/_/g, ' ')],
        ['Filed', timeEl(report.createdAt)],
        ['History', temporalUiLink(settings, report.reportId)],
      ],
      { class: 'facts', id: 'lookup-facts' },
    ),
  );
}

export function clearSupport() {
  $('ticket-rows').replaceChildren();
  $('lookup-result').replaceChildren();
  $('codec-session').replaceChildren();
  $('lookup-report-id').value = '';
}
