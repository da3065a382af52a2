/**
 * Label-matched reading of definition lists (dt/dd) and tables (th/td, or a two-cell row
 * whose first cell is a label), of label/value element pairs a platform marks with classes
 * (TalentLink's JD-HDLabel/JD-HDText, Eploy's .label/.content), and of "Label: value"
 * lines. Fields are found by their label text, case-insensitively, never by position, so a
 * site reordering its details does not shift values.
 */
import { textOf } from './text';
import { isHidden, visibleText } from './visible';

export type LabelSpec<K extends string> = Record<K, readonly string[]>;

/** Labels UK job boards and council ATSs use for the advert fields. */
export const ADVERT_LABELS = {
  title: ['job title', 'title', 'vacancy title', 'post title', 'position'],
  employer: ['employer', 'recruiter', 'organisation', 'organization', 'council', 'company', 'hiring organisation', 'school', 'school name', 'academy', 'trust'],
  location: ['location', 'locations', 'work location', 'base', 'work base', 'based at', 'office location', 'town'],
  salary: ['salary', 'salary range', 'salary details', 'salary information', 'pay', 'pay range', 'grade / salary', 'grade/salary', 'salary/grade', 'salary and grade', 'remuneration', 'rate of pay', 'wage'],
  closingDate: ['closing date', 'closes', 'closing', 'application closing date', 'closing date for applications', 'apply by', 'deadline', 'expiry date', 'advertising end date', 'application deadline'],
  postedDate: ['posted', 'date posted', 'posted date', 'start date for advert', 'advertised', 'date advertised', 'publication date', 'published'],
  reference: ['reference', 'job reference', 'job ref', 'ref', 'reference number', 'ref no', 'ref. no.', 'vacancy reference', 'vacancy ref', 'vacancy id', 'vacancy number', 'job id', 'job number', 'post number', 'requisition number'],
} as const satisfies LabelSpec<string>;

export type AdvertLabelKey = keyof typeof ADVERT_LABELS;

export interface LabelPair {
  label: string;
  values: Element[];
  /** For a "Label: value" line, the value part of the line's text. */
  text?: string;
}

export function normaliseLabel(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[:*]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Every (label, value element(s)) pair in the root, in document order. */
export function labelPairs(root: ParentNode): LabelPair[] {
  const pairs: LabelPair[] = [];
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

/**
 * Label and value elements a platform marks with classes: each label's value is the first
 * following sibling matching the value selector (TalentLink's h4.JD-HDLabel + span.JD-HDText,
 * Eploy's div.label + div.content). Rows hidden by their markup are left out.
 */
export function classPairs(root: ParentNode, labelSelector: string, valueSelector: string): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const label of Array.from(root.querySelectorAll(labelSelector))) {
    if (isHidden(label)) continue;
    let value: Element | null = label.nextElementSibling;
    while (value && !value.matches(valueSelector)) value = value.nextElementSibling;
    if (value && !isHidden(value)) pairs.push({ label: normaliseLabel(visibleText(label)), values: [value] });
  }
  return pairs;
}

const LINE_LABEL = /^([A-Za-z][A-Za-z /&'()-]{1,40}?)\s*:\s*(\S.*)$/;

/**
 * "Label: value" written in a block of its own: `<li><strong>Salary:</strong><br> MPS</li>`,
 * `<p>Location: Leeds</p>`. Only short blocks count (a label and a value, not a paragraph
 * that happens to hold a colon).
 */
export function inlinePairs(root: ParentNode): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const block of Array.from(root.querySelectorAll('li, p, div, span, td'))) {
    // Innermost blocks only: a wrapper's text is its children's text run together.
    if (block.querySelector('li, p, div, td, dl, table')) continue;
    const text = visibleText(block);
    if (!text || text.length > 160) continue;
    const m = LINE_LABEL.exec(text);
    if (!m?.[1] || !m[2]) continue;
    pairs.push({ label: normaliseLabel(m[1]), values: [block], text: m[2].trim() });
  }
  return pairs;
}

/** A table row's cells labelled by the table's header row (<th>Location</th> over its column). */
export function columnPairs(row: Element): LabelPair[] {
  if (row.tagName !== 'TR') return [];
  const table = row.closest('table');
  const header = Array.from(table?.querySelectorAll('tr') ?? []).find((tr) => tr.querySelector('th') && !tr.querySelector('td'));
  if (!header || header === row) return [];
  const labels = Array.from(header.children).map((c) => normaliseLabel(visibleText(c)));
  return Array.from(row.children).flatMap((cell, i) => (labels[i] ? [{ label: labels[i] as string, values: [cell] }] : []));
}

/** True when the text is itself a labelled fact ("Salary: £20,000 - £30,000"), not a name or title. */
export function isFactLine(text: string | undefined): boolean {
  const label = LINE_LABEL.exec(text ?? '')?.[1];
  if (!label) return false;
  const normalised = normaliseLabel(label);
  return Object.values(ADVERT_LABELS).some((labels) => (labels as readonly string[]).some((l) => normaliseLabel(l) === normalised));
}

/** The visible value text of a pair: the text after the label for "Label: value" lines. */
function pairText(pair: LabelPair): string | undefined {
  if (pair.text) return pair.text;
  return pair.values.map((v) => visibleText(v)).filter(Boolean).join(', ') || undefined;
}

/** The fields named in the spec from the given pairs; the first pair whose label matches wins. */
export function matchLabels<K extends string>(pairs: readonly LabelPair[], spec: LabelSpec<K>): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of Object.keys(spec) as K[]) {
    const wanted = spec[key].map((l) => normaliseLabel(l));
    for (const pair of pairs) {
      if (!wanted.includes(pair.label)) continue;
      const text = pairText(pair);
      if (text) {
        out[key] = text;
        break;
      }
    }
  }
  return out;
}

/**
 * Reads the fields named in the spec from dt/dd and table rows; the first matching pair wins.
 * (The ATS and Madgex readers' original behaviour: all text, hidden or not; matchLabels is
 * the visible-only reading the real-page readers use.)
 */
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
