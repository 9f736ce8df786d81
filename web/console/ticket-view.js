// Support: one follow-up ticket (R9) opened from the work list, resolved once with a measure
// that becomes a sanction on the reported account, and that account's sanctions, each
// restriction in force with a button to lift it early. Staff only; the API answers what it may.
import { definitionList, el, replaceChildren, timeEl } from './dom.js';
import { announce, guarded } from './feedback.js';

const $ = (id) => document.getElementById(id);
const MAX_DAYS = 180;
const MEASURES = [
  ['restriction', 'Restriction for a number of days'],
  ['warning', 'Warning (on record, restricts nothing)'],
  ['permanent', 'Permanent restriction'],
  ['none', 'No measure'],
];

function ticketFacts(ticket) {
  const resolution = ticket.resolution;
  return definitionList(
    [
      ['Status', el('span', { id: 'ticket-status', 'data-status': ticket.status }, ticket.status)],
      ['Kind', ticket.kind.replace(/_/g, ' ')],
      ['Priority', `${ticket.priority}${ticket.escalation ? `, escalated (${ticket.escalation.replace(/_/g, ' ')})` : ''}`],
      ['Summary', ticket.summary],
      ['Report', el('code', {}, ticket.reportId)],
      ['Target', `${ticket.target.kind} ${ticket.target.id}`],
      ['Reasons', ticket.reasons.join(', ')],
      ['Reported account', ticket.reportedUserId],
      ['Reporter', ticket.reporterId],
      ...(ticket.decision ? [['Decision', decisionText(ticket.decision)]] : []),
      ['Opened', timeEl(ticket.createdAt)],
      ...(resolution ? [['Resolution', el('span', { id: 'ticket-resolution' }, resolutionText(resolution), ' on ', timeEl(resolution.resolvedAt))]] : []),
    ],
    { class: 'facts', id: 'ticket-facts' },
  );
}

function decisionText(decision) {
  return [decision.outcome, decision.policy ? `policy ${decision.policy}` : null, decision.moderatorId ? `by ${decision.moderatorId}` : null]
    .filter(Boolean)
    .join(', ');
}

function resolutionText(r) {
  const term = r.measure === 'restriction' ? `${r.days}-day restriction` : r.measure === 'none' ? 'no measure' : r.measure;
  return r.sanctionId ? `${term}, sanction ${r.sanctionId}` : term;
}

function resolveForm() {
  return el(
    'form',
    { id: 'resolve-form', class: 'decision', 'aria-labelledby': 'resolve-heading' },
    el('h3', { id: 'resolve-heading' }, 'Resolve with a measure (R9)'),
    el(
      'fieldset',
      {},
      el('legend', {}, 'The measure on the reported account; anything but "No measure" becomes a sanction'),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'measure' }, 'Measure'),
        el(
          'select',
          { id: 'measure', name: 'measure' },
          MEASURES.map(([value, label]) => el('option', { value }, label)),
        ),
      ),
      el(
        'div',
        { class: 'field', id: 'days-field' },
        el('label', { for: 'days' }, `Days (1 to ${MAX_DAYS})`),
        el('input', { id: 'days', name: 'days', type: 'number', min: 1, max: MAX_DAYS, step: 1, value: 7, inputmode: 'numeric' }),
      ),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'resolve-note' }, 'Note for the record'),
        el('textarea', { id: 'resolve-note', name: 'note', rows: 2, maxlength: 2000 }),
      ),
      el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'resolve' }, 'Resolve ticket')),
    ),
  );
}

function sanctionItem(s) {
  const term = s.measure === 'restriction' ? `${s.days}-day restriction` : s.statement.measure;
  return el(
    'li',
    { 'data-sanction-id': s.sanctionId, 'data-status': s.status },
    el('strong', {}, term),
    ` · ${s.status.replace(/_/g, ' ')} · ${s.statement.ground.title} · ${s.statement.content.kind} ${s.statement.content.id} · from `,
    timeEl(s.startsAt),
    s.endsAt ? el('span', {}, ' to ', timeEl(s.endsAt)) : null,
    s.appeal ? ` · appeal ${s.appeal.status}` : null,
    ' ',
    el('code', {}, s.sanctionId),
    s.status === 'active'
      ? el('button', { type: 'button', class: 'secondary', 'data-lift': s.sanctionId, 'aria-label': `Lift sanction ${s.sanctionId}` }, 'Lift')
      : null,
  );
}

function renderSanctions(restrictions) {
  const all = [...restrictions.active, ...restrictions.past];
  replaceChildren(
    $('ticket-sanctions'),
    el('h3', { id: 'sanctions-heading' }, `Sanctions on ${restrictions.userId}`),
    el('p', { id: 'restricted-now' }, restrictions.restricted ? 'Restricted now: the account cannot message, post or comment.' : 'Not restricted now.'),
    all.length ? el('ul', { class: 'plain history-list', id: 'sanction-list' }, all.map(sanctionItem)) : el('p', { class: 'sub' }, 'No sanction.'),
    all.some((s) => s.status === 'active')
      ? el('div', { class: 'field' }, el('label', { for: 'lift-note' }, 'Note for a lift'), el('textarea', { id: 'lift-note', rows: 2, maxlength: 2000 }))
      : null,
  );
}

/** @param {{client: () => import('./api-client.js').ApiClient}} session */
export async function openTicket(session, ticketId, message) {
  const ticket = await session.client().ticket(ticketId);
  $('ticket-placeholder').hidden = true;
  replaceChildren($('ticket-heading'), `Ticket ${ticket.ticketId}`);
  replaceChildren($('ticket-body'), ticketFacts(ticket), ticket.status === 'open' ? resolveForm() : null, el('section', { id: 'ticket-sanctions' }));
  $('ticket-body').dataset.ticketId = ticket.ticketId;
  $('ticket-body').dataset.userId = ticket.reportedUserId;
  renderSanctions(await session.client().restrictions(ticket.reportedUserId));
  $('ticket-heading').focus();
  announce(message ?? `Ticket ${ticket.ticketId} opened: ${ticket.status}.`);
}

async function resolve(session, form) {
  const measure = form.elements.namedItem('measure').value;
  const days = Number(form.elements.namedItem('days').value);
  if (measure === 'restriction' && !(Number.isInteger(days) && days >= 1 && days <= MAX_DAYS)) {
    throw new Error(`A restriction needs a whole number of days from 1 to ${MAX_DAYS}.`);
  }
  const ticketId = $('ticket-body').dataset.ticketId;
  form.querySelector('fieldset').disabled = true;
  try {
    const result = await session.client().resolveTicket(ticketId, { measure, days, note: form.elements.namedItem('note').value.trim() });
    const sanction = result.sanctionId ? ` Sanction ${result.sanctionId} is on the account.` : '';
    await session.reloadTickets();
    await openTicket(session, ticketId, `Ticket ${ticketId} resolved: ${resolutionText(result)}.${sanction}`);
  } finally {
    form.querySelector('fieldset').disabled = false;
  }
}

async function lift(session, sanctionId) {
  const note = $('lift-note')?.value.trim();
  const lifted = await session.client().liftSanction(sanctionId, note);
  renderSanctions(await session.client().restrictions($('ticket-body').dataset.userId));
  announce(`Sanction ${lifted.sanctionId} is now ${lifted.status}: the account may message, post and comment again unless another restriction is in force.`);
}

/** @param {{client: () => import('./api-client.js').ApiClient, reloadTickets: () => Promise<void>}} session */
export function mountTickets(session) {
  $('ticket-rows').addEventListener('click', (event) => {
    const button = event.target.closest('[data-open-ticket]');
    if (button) guarded(() => openTicket(session, button.dataset.openTicket))(event);
  });
  $('ticket-body').addEventListener('change', (event) => {
    if (event.target.id === 'measure') $('days-field').hidden = event.target.value !== 'restriction';
  });
  $('ticket-body').addEventListener(
    'submit',
    guarded((event) => resolve(session, event.target)),
  );
  $('ticket-body').addEventListener('click', (event) => {
    const button = event.target.closest('[data-lift]');
    if (button) guarded(() => lift(session, button.dataset.lift))(event);
  });
}

export function clearTicket() {
  replaceChildren($('ticket-body'));
  replaceChildren($('ticket-heading'), 'Ticket');
  $('ticket-placeholder').hidden = false;
}
