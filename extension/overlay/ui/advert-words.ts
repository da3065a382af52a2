import type { AdvertSummary } from '@/overlay/views';

/** "1 applicant", "2 applicants". */
export const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The vacancy's facts after its title, as the panel and the content script's summary both write them. */
export const vacancyFacts = (v: AdvertSummary['vacancy']) => `(${counted(v.posts, 'post')}, ${v.mode}${v.closingDate ? `, closes ${v.closingDate}` : ''}, ${v.status})`;
