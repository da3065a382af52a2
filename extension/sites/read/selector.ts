/**
 * A robust CSS selector for an element the user pointed at: an id, else a stable attribute
 * (data-*, name, aria-label...), else a short nth-of-type path from the nearest anchored
 * ancestor. Generated-looking ids and classes (css-1x2y3z, ember123, GUIDs) are never used.
 * Every candidate is checked to select exactly that element.
 */

const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-qa', 'data-field', 'data-name', 'name', 'aria-label', 'itemprop', 'for', 'title'];
const GENERATED_PREFIX = /^(css|sc|jsx|emotion|styled|svelte|ember|ext-gen|yui|gwt|react|mui|chakra|tw|ng|v)[-_]?[a-z0-9]*\d[a-z0-9]*$/i;

/** Ids and classes a framework made up, which change from build to build or load to load. */
export function looksGenerated(token: string): boolean {
  return (
    token.length > 40 ||
    /\d{3,}/.test(token) ||
    /[0-9a-f]{8}/i.test(token) ||
    /^[:_]|[:]/.test(token) ||
    GENERATED_PREFIX.test(token) ||
    /(^|[-_])[a-z0-9]*[A-Z][a-z]*[A-Z][a-zA-Z]*[0-9]/.test(token) || // sc-bdVaJa9 style hashes
    /^[a-zA-Z]{1,3}[-_][a-zA-Z0-9]{5,}$/.test(token) && /\d/.test(token)
  );
}

function escapeIdent(value: string): string {
  return value.replace(/^(\d)/, '\\3$1 ').replace(/([^\w-])/g, '\\$1');
}
const escapeString = (value: string) => value.replace(/["\\]/g, '\\$&');

function selectsOnly(doc: Document | null, selector: string, element: Element): boolean {
  if (!doc) return false;
  try {
    const found = doc.querySelectorAll(selector);
    return found.length === 1 && found[0] === element;
  } catch {
    return false;
  }
}

/** A selector that identifies the element by itself (id or stable attribute), if it has one. */
function ownSelector(element: Element, doc: Document): string | undefined {
  const tag = element.tagName.toLowerCase();
  if (element.id && !looksGenerated(element.id)) {
    const byId = `#${escapeIdent(element.id)}`;
    if (selectsOnly(doc, byId, element)) return byId;
  }
  const attributes = [
    ...STABLE_ATTRIBUTES,
    ...Array.from(element.attributes).map((a) => a.name).filter((n) => n.startsWith('data-') && !STABLE_ATTRIBUTES.includes(n)),
  ];
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (!value || value.length > 80 || looksGenerated(value)) continue;
    const selector = `${tag}[${name}="${escapeString(value)}"]`;
    if (selectsOnly(doc, selector, element)) return selector;
  }
  for (const cls of Array.from(element.classList)) {
    if (looksGenerated(cls)) continue;
    const selector = `${tag}.${escapeIdent(cls)}`;
    if (selectsOnly(doc, selector, element)) return selector;
  }
  return undefined;
}

function nthOfType(element: Element): string {
  const tag = element.tagName.toLowerCase();
  const parent = element.parentElement;
  if (!parent) return tag;
  const same = Array.from(parent.children).filter((c) => c.tagName === element.tagName);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(element) + 1})` : tag;
}

export function selectorFor(element: Element): string | undefined {
  const doc = element.ownerDocument;
  if (!doc) return undefined;
  const own = ownSelector(element, doc);
  if (own) return own;
  // Walk up to an ancestor that can be named on its own; below it, a short typed path.
  const steps: string[] = [];
  for (let el: Element | null = element; el; el = el.parentElement) {
    const anchor = el === element ? undefined : ownSelector(el, doc);
    if (anchor) {
      const selector = [anchor, ...steps].join(' > ');
      if (selectsOnly(doc, selector, element)) return selector;
    }
    steps.unshift(nthOfType(el));
    if (el.tagName === 'HTML') break;
  }
  const full = steps.join(' > ');
  return selectsOnly(doc, full, element) ? full : undefined;
}
