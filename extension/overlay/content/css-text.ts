/**
 * Words drawn by a stylesheet (CSS generated content) inside a closed shadow root, never put in
 * the page's DOM as text: no DOM API, selection, `innerText` or `window.find()` of a page script
 * finds them (a text node in a closed root is still found by `window.find()`), while the person
 * sees them and screen readers get them from an aria-label inside the same root.
 */

/** A CSS string literal for any text: quotes and backslashes escaped, line breaks as spaces. */
export const cssString = (s: string) => `"${s.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;

export interface CssTextWriter {
  /** Gives `el` these words, drawn before its children; returns `el`. */
  write<E extends Element>(el: E, words: string): E;
  /** The stylesheet that draws everything written so far. */
  css(): string;
}

export function cssTextWriter(): CssTextWriter {
  const rules: string[] = [];
  return {
    write(el, words) {
      const name = `w${rules.length}`;
      el.classList.add(name);
      rules.push(`.${name}::before{content:${cssString(words)}}`);
      return el;
    },
    css: () => rules.join('\n'),
  };
}
