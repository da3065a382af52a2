/**
 * Fields a listing row shows without a label, told apart by the names a theme gives them:
 * a class (`p.search-school-name`, `span.job-location`), an itemprop, or the icon in front
 * of the value (`<li><i class="icon-location"></i> Northumberland</li>`).
 */
import type { AdvertField } from '../types';
import { visibleText } from './visible';

export type HintedField = Exclude<AdvertField, 'title'>;

const HINTS: Array<[HintedField, RegExp]> = [
  ['closingDate', /closing|deadline|expir|end-?date|apply-?by/i],
  ['salary', /salary|(^|[-_\s])pay([-_\s]|$)|wage|pound|gbp|money|remuneration/i],
  ['location', /location|map-?marker|(^|[-_\s])(place|town|city|address|pin)([-_\s]|$)/i],
  ['employer', /employer|company|school-?name|organi[sz]ation|recruiter|hiring-?org|advertiser/i],
  ['reference', /(^|[-_\s])ref(erence)?([-_\s]|$)|job-?id|vacancy-?id/i],
];

function hintOf(el: Element): HintedField | undefined {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
  if (!names.trim()) return undefined;
  return HINTS.find(([, pattern]) => pattern.test(names))?.[0];
}

/** Hinted fields inside one listing row, from the elements `keep` accepts; the first value of each field wins. */
export function hintedFields(row: Element, keep: (el: Element) => boolean = () => true): Partial<Record<HintedField, string>> {
  const out: Partial<Record<HintedField, string>> = {};
  for (const el of Array.from(row.querySelectorAll('*'))) {
    if (!keep(el)) continue;
    let field = hintOf(el);
    let holder: Element = el;
    // An icon names the value its parent holds.
    if (field && /^(I|SVG|svg|SPAN)$/.test(el.tagName) && !visibleText(el) && el.parentElement) holder = el.parentElement;
    else if (field && el.children.length > 3) field = undefined; // a wrapper, not a value
    if (!field || out[field]) continue;
    const text = visibleText(holder);
    if (text && text.length <= 200) out[field] = text;
  }
  return out;
}

/**
 * A salary written as plain text: a range of pounds ("£30,000 - £32,000", "£14.50 to £16
 * per hour") or an amount with its period ("£33,000 per annum", "£28k pro rata"). A bare
 * "£3m" in a news line is not one.
 */
const SALARY_TEXT = /£\s?\d[\d,.]*k?\s*(?:-|–|—|to)\s*£?\s?\d[\d,.]*k?(?:\s*(?:per\s+(?:annum|year|hour|day|week)|p\.?a\.?|a year|an hour|pro rata|fte))?|£\s?\d[\d,.]*k?\s*(?:per\s+(?:annum|year|hour|day|week)|p\.?a\.?|a year|an hour|pro rata|fte)/i;

export function salaryInText(text: string | undefined): string | undefined {
  return text ? SALARY_TEXT.exec(text)?.[0].trim() : undefined;
}
