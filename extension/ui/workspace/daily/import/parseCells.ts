import { SOURCES, SOURCE_LABELS, type Source } from '#shared/schema/index';

/**
 * An ATS date cell as YYYY-MM-DD: `2026-03-23`, `23/03/2026`, `23/03/2026 09:15`, `23-03-26`
 * (UK day-first, as council ATS exports write them). Null when it is not a real date.
 */
export function parseUkDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) {
    d = Number(uk[1]);
    m = Number(uk[2]);
    y = Number(uk[3]);
    if (y < 100) y += 2000;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const SOURCE_PATTERNS: [RegExp, Source][] = [
  [/community ?care/, 'community_care'],
  [/refer/, 'referral'],
  [/agency|locum/, 'agency'],
  [/internal|transfer|redeploy/, 'internal'],
  [/return/, 'returner'],
  [/council|microsite|website|careers site/, 'microsite'],
  [/indeed|reed|guardian|linkedin|totaljobs|nhs jobs|job ?board|jobs/, 'other_board'],
];

/** An export's source text as a Shortlist source; anything unrecognised is "other". */
export function parseSource(text: string): Source {
  const t = text.trim().toLowerCase();
  const exact = SOURCES.find((s) => s === t || SOURCE_LABELS[s].toLowerCase() === t);
  if (exact) return exact;
  return SOURCE_PATTERNS.find(([p]) => p.test(t))?.[1] ?? 'other';
}

/** "Newly qualified (ASYE)", "NQSW", "ASYE" → nqsw; anything else → experienced. */
export const parseExperience = (text: string): 'nqsw' | 'experienced' => (/newly|nqsw|asye|nq\b/i.test(text) ? 'nqsw' : 'experienced');

/** A number of years, or null when empty or not a number. */
export function parseYears(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}
