/**
 * The README as tests read it: a section by its heading, a bullet of a section by its bold lead,
 * a figure by the words around it. A sentence the tests rely on that the README lost fails the
 * test with the words it looked for, so the README and the product cannot drift apart silently.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const README_PATH = path.resolve(import.meta.dirname, '../../../README.md');
export const readme = (): string => readFileSync(README_PATH, 'utf8');

/** The text under a heading (## or ###) whose title starts with `title`, up to the next heading of the same or a higher level. */
export function readmeSection(title: string, text = readme()): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && l.replace(/^#+ /, '').startsWith(title));
  if (start < 0) throw new Error(`README has no section "${title}"`);
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** One bullet of a section, found by its bold lead (`- **Priya's advert** …`), joined to one line. */
export function readmeBullet(section: string, lead: string): string {
  const bullets = section.split(/\n(?=- )/).filter((b) => b.startsWith('- '));
  const bullet = bullets.find((b) => b.startsWith(`- **${lead}`));
  if (!bullet) throw new Error(`README bullet "**${lead}**" not found`);
  return bullet.replace(/\s+/g, ' ');
}

/** The first capture of `pattern` in `text`; fails naming the pattern when the README no longer says it. */
export function readmeSays(text: string, pattern: RegExp): string {
  const m = pattern.exec(text.replace(/\s+/g, ' '));
  if (!m?.[1]) throw new Error(`the README no longer says ${pattern} in: ${text.slice(0, 300)}…`);
  return m[1];
}

/** readmeSays, as a number. */
export const readmeNumber = (text: string, pattern: RegExp): number => Number(readmeSays(text, pattern));
