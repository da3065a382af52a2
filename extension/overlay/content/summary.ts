import { STAGE_LABELS, type Stage } from '#shared/labels';
import type { AdvertSummary, Placement } from '@/overlay/views';
import { counted, vacancyFacts } from '@/overlay/ui/advert-words';
import { OVERLAY_CSS } from '@/overlay/ui/styles';
import { cssTextWriter } from './css-text';
import { clampToWindow } from './frame-host';

const HOST_TAG = 'shortlist-summary';

/**
 * Grey bars where the panel will write what the summary does not have (names, their targets,
 * the rota, the sync state), on as many lines as the panel usually takes (a listed person's line
 * wraps once in 320 px), so the frame replaces the summary with hardly a jump.
 */
const SUMMARY_CSS = `
.at { position: fixed; z-index: 2147483646; }
.sl.framed { overflow: hidden; }
.sl li.line::before, .sl li.line::after { content: ""; display: block; height: .75em; padding: .325em 0; width: 85%; border-radius: 3px; background: #e5e5e5 content-box; }
.sl li.line::after { width: 45%; }
.sl .bar, .sl p.sync::after { content: ""; display: inline-block; vertical-align: middle; height: .75em; width: 7em; border-radius: 3px; background: #e5e5e5; }
.sl p.sync::after { width: 3.5em; }
`;

export interface MountedSummary {
  remove(): void;
}

/** The summary's words in one sentence: its name for screen readers (the drawn words are CSS, not text). */
function spoken(summary: AdvertSummary, title: string): string {
  const stages = (Object.entries(summary.counts) as Array<[Stage, number]>).map(([stage, n]) => `${STAGE_LABELS[stage]} ${n}`).join(', ');
  return `Shortlist: ${title}. Vacancy ${summary.vacancy.title} ${vacancyFacts(summary.vacancy)}. ${counted(summary.total, 'applicant')}${stages ? `: ${stages}` : ''}. ${summary.overdue} overdue, ${summary.dueNext} due next.`;
}

/**
 * A tracked advert's counts, drawn by the content script as soon as the background answers,
 * where the overlay's frame will be (the frame, with every name and control, is added after the
 * page's `load` and takes this place when it has drawn). Holds no candidate data and no control:
 * a closed shadow root (no `shadowRoot` for page scripts) whose words are CSS generated content
 * (css-text.ts), with no button, link, field or listener for a page's `.click()` to reach.
 */
export function mountSummary(doc: Document, summary: AdvertSummary, page: { title: string; expired: boolean }, placement: Placement): MountedSummary {
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('style', 'all: initial !important; display: block !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const words = cssTextWriter();
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const e = doc.createElement(tag);
    if (className) e.className = className;
    return text === undefined ? e : words.write(e, text);
  };

  const header = el('header');
  header.append(el('span', 'Shortlist', 'grip'));
  const body = el('div', undefined, 'body');
  if (!placement.collapsed) {
    const vacancy = el('p', 'Vacancy: ');
    vacancy.append(el('strong', summary.vacancy.title), el('span', ` ${vacancyFacts(summary.vacancy)}`));
    const total = el('p');
    total.append(el('strong', String(summary.total)), el('span', summary.total === 1 ? ' applicant' : ' applicants'));
    const stages = el('tbody');
    for (const [stage, n] of Object.entries(summary.counts) as Array<[Stage, number]>) {
      const row = el('tr');
      row.append(el('td', STAGE_LABELS[stage]), el('td', String(n), 'n'));
      stages.append(row);
    }
    const table = el('table');
    table.append(stages);
    body.append(el('h2', page.title), vacancy);
    if (page.expired) body.append(el('p', 'This advert has expired on the board.', 'warn'));
    body.append(total, table, el('h3', `Overdue (${summary.overdue})`));
    body.append(summary.overdue ? bars(el, summary.overdue) : el('p', 'Nothing overdue.', 'green'));
    if (summary.dueNext) body.append(el('h3', 'Next due'), bars(el, summary.dueNext));
    const rota = el('p', 'Shortlisting this week: ');
    rota.append(el('span', undefined, 'bar'));
    body.append(rota, el('p', undefined, 'sync'));
  }
  const panel = el('aside', undefined, `sl framed${placement.collapsed ? ' collapsed' : ''}`);
  panel.setAttribute('role', 'img');
  panel.setAttribute('aria-label', spoken(summary, page.title));
  panel.append(header, ...(placement.collapsed ? [] : [body]));
  const box = clampToWindow({ width: 320, height: innerHeight, right: placement.right, bottom: placement.bottom });
  const at = el('div', undefined, 'at');
  Object.assign(at.style, { right: `${box.right}px`, bottom: `${box.bottom}px`, maxHeight: `${box.height}px` });
  panel.style.maxHeight = `${box.height}px`;
  at.append(panel);
  const style = el('style');
  style.textContent = `${OVERLAY_CSS}${SUMMARY_CSS}${words.css()}`;
  root.append(style, at);
  (doc.body ?? doc.documentElement).append(host);
  return { remove: () => host.remove() };
}

/** A list of `n` grey bars: the lines the frame fills with names. */
function bars(el: (tag: 'ul' | 'li', text?: string, className?: string) => HTMLElement, n: number): HTMLElement {
  const list = el('ul');
  for (let i = 0; i < n; i++) list.append(el('li', undefined, 'line'));
  return list;
}
