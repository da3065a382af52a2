/**
 * Label-matched reading of definition lists (dt/dd) and tables (th/td, or a two-cell row
 * whose first cell is a label). Fields are found by their label text, case-insensitively,
 * never by position, so a site reordering its details does not shift values.
 */
import { textOf } from './text';

export type LabelSpec<K extends string> = Record<K, readonly string[]>;

/** Labels UK job boards and council ATSs use for the advert fields. */
export const ADVERT_LABELS = {
  title: ['job title', 'title', 'vacancy title', 'post title', 'position'],
  employer: ['employer', 'recruiter', 'organisation', 'organization', 'council', 'company', 'hiring organisation'],
  location: ['location', 'locations', 'work location', 'base', 'work base', 'based at', 'office location', 'town'],
  salary: ['salary', 'salary range', 'pay', 'pay range', 'grade / salary', 'grade/salary', 'salary/grade', 'salary and grade', 'remuneration', 'rate of pay', 'wage'],
  closingDate: ['closing date', 'closes', 'closing', 'application closing date', 'closing date for applications', 'apply by', 'deadline', 'expiry date'],
  postedDate: ['posted', 'date posted', 'posted date', 'start date for advert', 'advertised', 'date advertised', 'publication date', 'published'],
  reference: ['reference', 'job reference', 'job ref', 'ref', 'reference number', 'ref no', 'ref. no.', 'vacancy reference', 'vacancy ref', 'vacancy id', 'vacancy number', 'job id', 'job number', 'post number', 'requisition number'],
} as const satisfies LabelSpec<string>;

export type AdvertLabelKey = keyof typeof ADVERT_LABELS;

export function normaliseLabel(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[:*]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Every (label, value element(s)) pair in the root, in document order. */
export function labelPairs(root: ParentNode): Array<{ label: string; values: Element[] }> {
  const pairs: Array<{ label: string; values: Element[] }> = [];
  for (const dt of Array.from(root.querySelectorAll('dt'))) {
    const values: Element[] = [];
    for (let el = dt.nextElementSibling; el && el.tagName !== 'DT'; el = el.nextElementSibling) {
      if (el.tagName === 'DD') values.push(el);
    }
    // dl > div > dt + dd keeps the dd in the same wrapper; dl > dt, div > dd does not: look one step on.
    if (!values.length) {
      const next = dt.parentElement?.nextElementSibling;
      const dd = next?.tagName === 'DD' ? next : undefined;
      if (dd) values.push(dd);
    }
    pairs.push({ label: normaliseLabel(textOf(dt)), values });
  }
  for (const row of Array.from(root.querySelectorAll('tr'))) {
    const cells = Array.from(row.children).filter((c) => c.tagName === 'TH' || c.tagName === 'TD');
    const th = cells.findIndex((c) => c.tagName === 'TH');
    if (th >= 0) {
      const value = cells.slice(th + 1).find((c) => c.tagName === 'TD');
      if (value) pairs.push({ label: normaliseLabel(textOf(cells[th])), values: [value] });
    } else if (cells.length === 2) {
      pairs.push({ label: normaliseLabel(textOf(cells[0])), values: [cells[1] as Element] });
    }
  }
  return pairs;
}

/** Reads the fields named in the spec; the first pair whose label matches wins. */
export function readLabelled<K extends string>(root: ParentNode, spec: LabelSpec<K>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  const pairs = labelPairs(root);
  for (const key of Object.keys(spec) as K[]) {
    const wanted = spec[key].map((l) => normaliseLabel(l));
    const pair = pairs.find((p) => wanted.includes(p.label));
    if (!pair) continue;
    const text = pair.values.map((v) => textOf(v)).filter(Boolean).join(', ');
    if (text) out[key] = text;
  }
  return out;
}
