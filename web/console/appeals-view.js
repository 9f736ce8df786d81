// Moderators: the appeals against sanctions (DSA Art. 20). A moderator other than the one who
// decided the sanction answers each once; the API judges who may (its 403 codes are shown as
// they come), and an upheld appeal overturns the sanction through its workflow.
import { el, timeEl } from './dom.js';
import { announce, guarded } from './feedback.js';

const $ = (id) => document.getElementById(id);
let cursor = null;

function sanctionText(sanction) {
  const term = sanction.measure === 'restriction' ? `${sanction.days}-day restriction` : sanction.measure;
  return `${term} (${sanction.status.replace(/_/g, ' ')}) for ${sanction.statement.ground.title} on ${sanction.statement.content.kind} ${sanction.statement.content.id}`;
}

function appealItem(appeal) {
  const pending = appeal.status === 'pending';
  return el(
    'li',
    { class: 'appeal', 'data-appeal-id': appeal.appealId, 'data-status': appeal.status },
    el(
      'p',
      { class: 'meta' },
      el('strong', {}, appeal.userId),
      ' appeals a ',
      el('span', { class: 'appeal-sanction' }, sanctionText(appeal.sanction)),
      ' · filed ',
      timeEl(appeal.filedAt),
    ),
    el('p', { class: 'sub' }, 'Sanction ', el('code', {}, appeal.sanction.sanctionId), ' · appeal ', el('code', {}, appeal.appealId)),
    el('blockquote', { class: 'user-text' }, appeal.statement),
    pending ? decideForm(appeal) : el('p', { class: 'appeal-outcome', 'data-outcome': appeal.status }, `Appeal ${appeal.status}.`),
  );
}

function decideForm(appeal) {
  const noteId = `appeal-note-${appeal.appealId}`;
  return el(
    'form',
    { class: 'appeal-decision', 'data-appeal-id': appeal.appealId, 'aria-label': `Decide appeal ${appeal.appealId}` },
    el('div', { class: 'field' }, el('label', { for: noteId }, 'Note for the record'), el('textarea', { id: noteId, name: 'note', rows: 2, maxlength: 2000 })),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', name: 'outcome', value: 'uphold', class: 'approve' }, 'Uphold (overturn the sanction)'),
      el('button', { type: 'submit', name: 'outcome', value: 'deny', class: 'reject' }, 'Deny (the sanction stands)'),
    ),
  );
}

/** @param {{client: () => import('./api-client.js').ApiClient}} session */
export async function loadAppeals(session, more = false) {
  const page = await session.client().appeals($('appeal-status').value, more ? cursor : undefined);
  cursor = page.nextCursor;
  if (!more) $('appeal-list').replaceChildren();
  $('appeal-list').append(...page.items.map(appealItem));
  const count = $('appeal-list').children.length;
  $('appeals-empty').hidden = count > 0;
  $('appeals-more').hidden = !page.nextCursor;
  return count;
}

async function decide(session, form, submitter) {
  const outcome = submitter?.value === 'deny' ? 'deny' : 'uphold';
  const appealId = form.dataset.appealId;
  const note = form.elements.namedItem('note').value.trim();
  form.querySelectorAll('button').forEach((b) => (b.disabled = true));
  try {
    const result = await session.client().decideAppeal(appealId, outcome, note);
    const item = form.closest('li');
    item.dataset.status = result.outcome;
    const sanction = result.sanction;
    item.querySelector('.appeal-sanction').textContent = sanctionText(sanction);
    form.replaceWith(
      el(
        'p',
        { class: 'appeal-outcome', 'data-outcome': result.outcome },
        `Appeal ${result.outcome}. The sanction ${sanction.sanctionId} is now ${sanction.status.replace(/_/g, ' ')}.`,
      ),
    );
    announce(`Appeal ${appealId} ${result.outcome}: sanction ${sanction.sanctionId} is ${sanction.status.replace(/_/g, ' ')}.`);
  } finally {
    form.querySelectorAll('button').forEach((b) => (b.disabled = false));
  }
}

export function mountAppeals(session) {
  const reload = async () => {
    const count = await loadAppeals(session);
    announce(`${count} appeal(s) listed.`);
  };
  $('appeal-filters').addEventListener('submit', guarded(reload));
  $('appeals-more').addEventListener(
    'click',
    guarded(() => loadAppeals(session, true)),
  );
  $('appeal-list').addEventListener(
    'submit',
    guarded((event) => decide(session, event.target, event.submitter)),
  );
}

export function clearAppeals() {
  $('appeal-list').replaceChildren();
  cursor = null;
}
