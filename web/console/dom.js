// Builds DOM nodes from text only. Evidence and report details are hostile user content: nothing
// here (or anywhere in the console) assigns innerHTML; strings always become text nodes.

/**
 * el('p', { class: 'note', 'data-state': 'ok' }, 'text', childNode)
 * Attributes are set with setAttribute; `on*` attributes are refused so no string becomes code.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`event handler attributes are not allowed: ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `node` with `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

/** A <time> element in UTC, readable and machine-readable. */
export function timeEl(value) {
  if (!value) return el('span', {}, '—');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return el('span', {}, String(value));
  const text = `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return el('time', { datetime: date.toISOString() }, text);
}

/** A definition list from [term, value] pairs; values may be nodes or text. */
export function definitionList(pairs, attributes = {}) {
  return el(
    'dl',
    attributes,
    pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  );
}
