// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountSummary } from '@/overlay/content/summary';
import type { AdvertSummary } from '@/overlay/views';

/**
 * The content script's summary of a tracked advert: in a closed root, its words drawn by the
 * stylesheet (no text node anywhere), with no element a page could click or focus.
 */
const summary: AdvertSummary = {
  vacancy: { title: 'Social Worker – Children in Care', posts: 2, status: 'open', mode: 'rolling', closingDate: '2026-12-22' },
  counts: { applied: 6, shortlisted: 3, rejected: 3 },
  total: 12,
  overdue: 2,
  dueNext: 4,
};
const page = { title: 'Social Worker "CIC" \\ <b>Wessex</b>', expired: true };

/** Mounts a summary and hands back its closed root, as only the content script holds it. */
function mounted(placement = { right: 16, bottom: 16, collapsed: false }) {
  const attach = vi.spyOn(Element.prototype, 'attachShadow');
  const handle = mountSummary(document, summary, page, placement);
  const root = attach.mock.results[0]!.value as ShadowRoot;
  attach.mockRestore();
  const host = document.querySelector('shortlist-summary')!;
  return { handle, root, host, css: root.querySelector('style')!.textContent! };
}

afterEach(() => document.body.replaceChildren());

describe('the summary in its closed root', () => {
  it('is out of the page’s reach: a closed root, and none of its words in the page’s DOM', () => {
    const { host } = mounted();
    expect(host.shadowRoot).toBeNull();
    const pageText = `${document.documentElement.outerHTML} ${document.body.textContent}`;
    for (const word of ['Children in Care', 'applicants', 'Overdue', 'Shortlisted', '12']) expect(pageText).not.toContain(word);
  });

  it('draws every word with the stylesheet: no text node in the root, the words in CSS strings', () => {
    const { root, css } = mounted();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.localName !== 'style') texts.push(n.textContent ?? '');
    expect(texts.join('')).toBe('');
    for (const words of ['"Shortlist"', '"Vacancy: "', '"Social Worker – Children in Care"', '" (2 posts, rolling, closes 2026-12-22, open)"', '"12"', '" applicants"', '"Applied"', '"6"', '"Overdue (2)"', '"Next due"', '"This advert has expired on the board."'])
      expect(css).toContain(`::before{content:${words}}`);
    // The page's title, quotes, backslash and markup included, is one CSS string: it cannot end the rule or the sheet.
    expect(css).toContain('content:"Social Worker \\"CIC\\" \\\\ <b>Wessex</b>"}');
    expect(root.querySelector('b')).toBeNull();
  });

  it('has no control: nothing to click, focus or type in; grey lines where the frame will name people', () => {
    const { root } = mounted();
    expect(root.querySelectorAll('button, a, input, select, textarea, [tabindex], [contenteditable], [onclick]')).toHaveLength(0);
    expect(root.querySelectorAll('li.line')).toHaveLength(summary.overdue + summary.dueNext);
  });

  it('names itself to screen readers inside the root, in one sentence of counts', () => {
    const { root } = mounted();
    expect(root.querySelector('aside')!.getAttribute('aria-label')).toBe(
      'Shortlist: Social Worker "CIC" \\ <b>Wessex</b>. Vacancy Social Worker – Children in Care (2 posts, rolling, closes 2026-12-22, open). 12 applicants: Applied 6, Shortlisted 3, Rejected 3. 2 overdue, 4 due next.',
    );
  });

  it('sits where the frame will: the remembered place, kept inside the window', () => {
    const { root } = mounted({ right: 40, bottom: 5000, collapsed: false });
    const at = root.querySelector<HTMLElement>('.at')!;
    expect(at.style.right).toBe('40px');
    expect(at.style.bottom).toBe(`${innerHeight - 40}px`);
  });

  it('folded, shows only its title bar, and goes when removed', () => {
    const { root, handle } = mounted({ right: 16, bottom: 16, collapsed: true });
    expect(root.querySelector('.body')).toBeNull();
    expect(root.querySelector('aside')!.className).toContain('collapsed');
    handle.remove();
    expect(document.querySelector('shortlist-summary')).toBeNull();
  });
});
