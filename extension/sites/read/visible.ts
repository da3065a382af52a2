/**
 * What a person can see. Saved pages are read without their stylesheets, so only what the
 * markup itself says counts: `hidden`, an inline `display:none` / `visibility:hidden`.
 * Eploy, for one, keeps a "Closing date: Not Specified" row in its listing, hidden so.
 */
import { collapse } from './text';

const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(;|$)/i;
const BLOCK = /^(P|DIV|LI|H[1-6]|TR|TD|TH|DT|DD|UL|OL|TABLE|SECTION|ARTICLE|HEADER|FOOTER|MAIN|ASIDE|NAV)$/;
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);

/** Screen-reader-only text (an icon's name): read aloud, not seen, and repeated by the visible label. */
const SCREEN_READER_ONLY = /(^|\s)([\w-]*visually-hidden|sr-only|screen-reader-text)(\s|$)/;

/** True when the element itself is hidden by its own markup. */
export function hiddenByMarkup(el: Element): boolean {
  return el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '') || SCREEN_READER_ONLY.test(el.getAttribute('class') ?? '');
}

/** True when the element or any ancestor is hidden by its markup. */
export function isHidden(el: Element | null | undefined): boolean {
  for (let e: Element | null | undefined = el; e; e = e.parentElement) if (hiddenByMarkup(e)) return true;
  return false;
}

/** Text of the node as a person sees it: hidden descendants, scripts and styles left out. */
export function visibleText(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.nodeType === 1 && isHidden(node as Element)) return undefined;
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      parts.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    // Line breaks and block boundaries separate words ("School:</strong><br>George…", "x<p>a</p><p>b</p>").
    const block = n.nodeType === 1 && BLOCK.test((n as Element).tagName);
    if (n.nodeType === 1) {
      const el = n as Element;
      if (SKIPPED.has(el.tagName) || hiddenByMarkup(el)) return;
      if (el.tagName === 'BR') parts.push(' ');
    }
    if (block) parts.push(' ');
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) parts.push(' ');
  };
  walk(node);
  const out = collapse(parts.join(''));
  return out === '' ? undefined : out;
}
