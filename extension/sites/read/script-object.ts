/**
 * Pulls a JSON literal assigned in an inline script ("var X = [{...}];") without running
 * the script: find the name, then the balanced brackets after "=", then JSON.parse.
 */

function balancedFrom(source: string, start: number): string | undefined {
  const open = source[start];
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return ch === close ? source.slice(start, i + 1) : undefined;
    }
  }
  return undefined;
}

/** The value assigned to `name` in any inline script of the document, or undefined. */
export function scriptObject(doc: Document, name: string): unknown {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const at = text.indexOf(name);
    if (at < 0) continue;
    const eq = text.indexOf('=', at + name.length);
    if (eq < 0) continue;
    const start = text.slice(eq + 1).search(/\S/);
    if (start < 0) continue;
    const first = eq + 1 + start;
    if (text[first] !== '[' && text[first] !== '{') continue;
    const literal = balancedFrom(text, first);
    if (!literal) continue;
    try {
      return JSON.parse(literal);
    } catch {
      try {
        // Single-quoted keys/strings and trailing commas, as hand-written data layers have.
        return JSON.parse(literal.replace(/'([^'\\]*)'/g, '"$1"').replace(/,\s*([}\]])/g, '$1'));
      } catch {
        continue;
      }
    }
  }
  return undefined;
}
