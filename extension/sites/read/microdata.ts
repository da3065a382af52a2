/** Reads a schema.org JobPosting written as microdata (itemscope itemtype=".../JobPosting"). */
import { parseUkDate } from './dates';
import type { PostingFields } from './posting';
import { textOf } from './text';

function findScope(doc: Document): Element | undefined {
  return Array.from(doc.querySelectorAll('[itemscope][itemtype]')).find((el) =>
    /schema\.org\/JobPosting\b/i.test(el.getAttribute('itemtype') ?? ''),
  );
}

/** Properties that belong to this scope, not to a nested itemscope. */
function ownProps(scope: Element, name: string): Element[] {
  return Array.from(scope.querySelectorAll(`[itemprop]`)).filter((el) => {
    const names = (el.getAttribute('itemprop') ?? '').split(/\s+/);
    if (!names.includes(name)) return false;
    const owner = el.parentElement?.closest('[itemscope]');
    return owner === scope;
  });
}

/** The value microdata defines for an element: content/datetime/href attributes, else text. */
function valueOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const attr = el.getAttribute('content') ?? el.getAttribute('datetime');
  if (attr != null && attr.trim() !== '') return attr.trim();
  if (el.hasAttribute('itemscope')) return undefined;
  return textOf(el);
}

function prop(scope: Element, name: string): string | undefined {
  return valueOf(ownProps(scope, name)[0]);
}

function nested(scope: Element, name: string, ...inner: string[]): string | undefined {
  const el = ownProps(scope, name)[0];
  if (!el) return undefined;
  if (!el.hasAttribute('itemscope')) return valueOf(el);
  const parts = inner.map((p) => nestedDeep(el, p)).filter((p): p is string => !!p);
  return parts.length ? [...new Set(parts)].join(', ') : textOf(el);
}

function nestedDeep(scope: Element, name: string): string | undefined {
  const direct = ownProps(scope, name)[0];
  if (direct) return valueOf(direct);
  // One level further down, e.g. jobLocation > address > addressLocality.
  for (const child of Array.from(scope.querySelectorAll('[itemscope]'))) {
    const hit = ownProps(child, name)[0];
    if (hit) return valueOf(hit);
  }
  return undefined;
}

export function readMicrodata(doc: Document): PostingFields | undefined {
  const scope = findScope(doc);
  if (!scope) return undefined;
  return {
    title: prop(scope, 'title') ?? prop(scope, 'name'),
    employer: nested(scope, 'hiringOrganization', 'name'),
    location: nested(scope, 'jobLocation', 'addressLocality', 'addressRegion', 'postalCode'),
    salary: nested(scope, 'baseSalary', 'value'),
    closingDate: parseUkDate(prop(scope, 'validThrough')),
    postedDate: parseUkDate(prop(scope, 'datePosted')),
    reference: nested(scope, 'identifier', 'value'),
  };
}
