/**
 * Fictional candidates: unique first/last pairs from names.ts, emails at example.org/.com,
 * sources weighted the way councils report them (Community Care Jobs first).
 */
import type { Application, SocialWorkRole, Source } from '../shared/schema/index';
import { ATS_ORIGIN, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, emailFor } from './names';
import type { Rng } from './prng';

export interface Candidate {
  name: string;
  email: string;
  source: Source;
  referrer: string | null;
  experience: Application['experience'];
  yearsQualified: number;
}

const SOURCE_WEIGHTS: ReadonlyArray<readonly [Source, number]> = [
  ['community_care', 40],
  ['microsite', 18],
  ['referral', 10],
  ['agency', 9],
  ['internal', 8],
  ['other_board', 8],
  ['returner', 5],
  ['other', 2],
];

/** Newly qualified applicants come through the microsite and university fairs more than the boards. */
const NQSW_SOURCE_WEIGHTS: ReadonlyArray<readonly [Source, number]> = [
  ['community_care', 30],
  ['microsite', 30],
  ['other_board', 15],
  ['referral', 10],
  ['other', 15],
];

const YEARS: Record<SocialWorkRole, [number, number]> = {
  nqsw: [0, 0],
  social_worker: [1, 8],
  senior_social_worker: [3, 12],
  advanced_practitioner: [5, 15],
  consultant: [6, 18],
  assistant_team_manager: [5, 16],
  team_manager: [7, 22],
  iro: [8, 24],
};

/** Hands out each first/last pair once, so names and emails never clash by accident. */
export class NamePool {
  private readonly pairs: Array<[string, string]>;
  private next = 0;
  constructor(rng: Rng) {
    const all: Array<[string, string]> = [];
    for (const f of FIRST_NAMES) for (const l of LAST_NAMES) all.push([f, l]);
    this.pairs = rng.shuffle(all);
  }
  take(): [string, string] {
    const pair = this.pairs[this.next++ % this.pairs.length];
    if (!pair) throw new Error('name pool is empty');
    return pair;
  }
}

export function makeCandidate(role: SocialWorkRole, names: NamePool, n: number, rng: Rng): Candidate {
  const [first, last] = names.take();
  const nq = role === 'nqsw' || (role === 'social_worker' && rng.chance(0.15));
  const source = rng.weighted(role === 'nqsw' ? NQSW_SOURCE_WEIGHTS : SOURCE_WEIGHTS);
  const [lo, hi] = nq ? [0, 0] : YEARS[role];
  const [rf, rl] = names.take();
  return {
    name: `${first} ${last}`,
    email: emailFor(first, last, n, rng.pick(EMAIL_DOMAINS)),
    source,
    referrer: source === 'referral' ? `${rf} ${rl}` : null,
    experience: nq ? 'nqsw' : 'experienced',
    yearsQualified: rng.int(lo, hi),
  };
}

/** Tribepad-style candidate reference and the back-office page it opens. */
export const atsReference = (n: number) => `TP-${103_870 + n * 7}`;
export const atsUrl = (ref: string) => `${ATS_ORIGIN}/ats/candidate/${ref}`;
