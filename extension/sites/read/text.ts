/** Text helpers shared by every site reader. No DOM globals: callers pass the nodes in. */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€',
  dollar: '$', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“',
  rdquo: '”', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', laquo: '«',
  raquo: '»', rsaquo: '›', lsaquo: '‹', mldr: '…', sol: '/', colon: ':', comma: ',',
  period: '.', lpar: '(', rpar: ')', num: '#', percnt: '%', excl: '!', quest: '?',
  eacute: 'é', egrave: 'è', agrave: 'à', aacute: 'á', ccedil: 'ç', ouml: 'ö', uuml: 'ü',
  auml: 'ä', szlig: 'ß', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', shy: '',
  zwj: '', zwnj: '', ensp: ' ', emsp: ' ', thinsp: ' ',
};

function codePoint(n: number): string {
  // Invalid or surrogate code points would throw or corrupt the string.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '';
  return String.fromCodePoint(n);
}

/** Decodes HTML character references ("&amp;", "&#163;", "&#xA3;") in plain strings such as JSON-LD values. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return codePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10)) || whole;
    }
    // Named references need their semicolon, except the few browsers also accept bare.
    const value = NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()];
    if (value === undefined) return whole;
    return whole.endsWith(';') || ['amp', 'lt', 'gt', 'quot', 'nbsp', 'pound'].includes(ref) ? value : whole;
  });
}

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Decode entities then collapse whitespace; empty strings become undefined. */
export function clean(text: string | null | undefined): string | undefined {
  if (text == null) return undefined;
  const out = collapse(decodeEntities(String(text)));
  return out === '' ? undefined : out;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg']);

/**
 * Visible-ish text of an element: like textContent, but without the code of any script or
 * style inside it, whitespace collapsed. Text that merely looks like a tag ("&lt;script&gt;")
 * comes out as literal text.
 */
export function textOf(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3 /* text */) {
      parts.push(n.nodeValue ?? '');
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    if (n.nodeType === 1 && SKIPPED.has((n as Element).tagName)) return;
    if (n.nodeType === 1 && (n as Element).tagName === 'BR') parts.push(' ');
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  const out = collapse(parts.join(''));
  return out === '' ? undefined : out;
}

/** Text of the first element matching one of the selectors (tried in order). */
export function textAt(root: ParentNode, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    let found: Element | null = null;
    try {
      found = root.querySelector(selector);
    } catch {
      continue; // a selector the DOM implementation does not support
    }
    const text = textOf(found);
    if (text) return text;
  }
  return undefined;
}

const BLOCK_TAGS = /<\/?(p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote)\b[^>]*>/gi;

/**
 * Turns an HTML fragment (a JSON-LD description) into plain text without parsing it into
 * a live DOM: block tags become line breaks, other tags go, entities are decoded.
 * Descriptions are sometimes entity-escaped twice ("&lt;p&gt;"), so decode first when
 * the string holds no real tags.
 */
export function htmlToText(html: string): string {
  let source = html;
  if (!/<[a-z]/i.test(source) && /&lt;[a-z/]/i.test(source)) source = decodeEntities(source);
  const text = source
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK_TAGS, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map(collapse)
    .filter(Boolean)
    .join('\n');
}
