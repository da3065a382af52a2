/**
 * The employer an advert names in its own text, for pages whose template has no employer
 * field (TalentLink's syndicated widget shows only the advert's fields). Only names shaped
 * like the employers this product serves count: councils, universities, NHS trusts
 * ("Kent County Council", "London Borough of Brent", "Bangor University", "University of
 * Leeds"). The name written most often wins (a partner named once, "Zhejiang University",
 * loses to the employer named throughout); ties go to the first.
 */

const WORD = "[A-Z][A-Za-z'’-]+";
const NAME = `${WORD}(?:\\s+(?:${WORD}|&|and|of|upon|on))*?`;
const SHAPES = [
  new RegExp(`\\b((?:London|Royal)\\s+Borough\\s+of\\s+${WORD}(?:\\s+(?:and\\s+)?${WORD})*)`, 'g'),
  new RegExp(`\\b(${NAME}\\s+(?:County|City|Borough|District|Metropolitan Borough)\\s+Council)\\b`, 'g'),
  new RegExp(`\\b(${NAME}\\s+Council)\\b`, 'g'),
  new RegExp(`\\b(${NAME}\\s+NHS\\s+(?:Foundation\\s+)?Trust)\\b`, 'g'),
  new RegExp(`\\b(University\\s+of\\s+${WORD}(?:\\s+${WORD})*)`, 'g'),
  new RegExp(`\\b(${WORD}(?:\\s+${WORD})?\\s+University)\\b`, 'g'),
];
/** Words that start a sentence, not a name: "The University", "Our Council". */
const NOT_A_NAME = /^(the|our|this|that|a|an|each|every|any|your|their|its|at|in|for|by|with|from|and|all)\s+/i;

export function employerNamedIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const counts = new Map<string, { n: number; first: number }>();
  for (const shape of SHAPES) {
    for (const m of text.matchAll(shape)) {
      let name = (m[1] ?? '').replace(/\s+/g, ' ').trim();
      while (NOT_A_NAME.test(name)) name = name.replace(NOT_A_NAME, '');
      // "University" or "Council" alone is how the advert refers back to itself, not a name.
      if (!/\s/.test(name)) continue;
      const seen = counts.get(name);
      if (seen) seen.n++;
      else counts.set(name, { n: 1, first: m.index ?? 0 });
    }
  }
  let best: [string, { n: number; first: number }] | undefined;
  for (const entry of counts) {
    if (!best || entry[1].n > best[1].n || (entry[1].n === best[1].n && entry[1].first < best[1].first)) best = entry;
  }
  return best?.[0];
}
