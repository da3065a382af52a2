import { londonDateOf } from '../calendar';
import type { Application, CoverState, Leaver, Post, Staff, StageEvent, Vacancy } from '../schema/index';
import { orderEvents } from '../stages';
import { holderOf } from './holders';
import { coverFields, upsert, type PlannedUpsert } from './plan';

/** Newly qualified staff starting on or after this date follow the Early Career Framework instead of the ASYE. */
export const ECF_FROM = '2026-09-01';

export type HireOutcome =
  | { kind: 'holder'; staffId: string; postId: string; changes: PlannedUpsert[] }
  /** This application already made its person a holder (another browser did it, or it ran twice). */
  | { kind: 'already_holder'; staffId: string }
  | { kind: 'not_started' }
  /** A person must say which post: none of the vacancy's posts is free. */
  | { kind: 'no_free_post'; message: string };

export interface HireInput {
  application: Application;
  /** The application's stage history. */
  events: readonly StageEvent[];
  vacancy: Vacancy;
  posts: readonly Post[];
  staff: readonly Staff[];
  leavers: readonly Leaver[];
  newId: () => string;
}

/**
 * A hire that starts becomes the post's holder without anyone typing it again: when an
 * application's current stage is `started`, its person becomes the holder of a free post of
 * the vacancy (from its start date) and the post is covered permanently.
 */
export function holderFromHire(input: HireInput): HireOutcome {
  const { application, vacancy } = input;
  const last = orderEvents(input.events).at(-1)?.event;
  if (last?.stage !== 'started') return { kind: 'not_started' };
  const already = input.staff.find((s) => s.applicationId === application.id);
  if (already) return { kind: 'already_holder', staffId: already.id };
  if (!application.name) return { kind: 'no_free_post', message: 'the candidate was erased: record the holder by hand' };
  const startDate = londonDateOf(last.at);
  const post = freePostFor(vacancy, input.posts, input.staff, input.leavers, startDate);
  if (!post) return { kind: 'no_free_post', message: `no post of "${vacancy.title}" is free on ${startDate}: choose the post this person holds` };
  const staffId = input.newId();
  const nqsw = application.experience === 'nqsw';
  const holder: Omit<Staff, 'id'> = {
    postId: post.id,
    name: application.name,
    role: vacancy.role,
    fte: post.fte,
    startDate,
    asyeStatus: nqsw ? 'in_progress' : null,
    ecf: nqsw ? (startDate >= ECF_FROM ? 'ecf' : 'asye') : null,
    applicationId: application.id,
    fromAgency: application.source === 'agency',
  };
  return {
    kind: 'holder',
    staffId,
    postId: post.id,
    changes: [upsert('staff', staffId, holder), upsert('posts', post.id, coverFields({ cover: 'permanent' }))],
  };
}

/** Which uncovered post a starter fills first: an empty post before one an agency worker covers. */
const COVER_PREFERENCE: Record<CoverState, number> = { vacant: 0, agency: 1, interim: 2, permanent: 3 };

/**
 * The post a starter of `vacancy` takes on `date`: the first free one the vacancy names, else a
 * free post of its teams and role that is not already covered permanently (a permanent post with
 * no holder on record is held by someone Shortlist does not know yet).
 */
export function freePostFor(vacancy: Pick<Vacancy, 'teamIds' | 'role' | 'postIds'>, posts: readonly Post[], staff: readonly Staff[], leavers: readonly Leaver[], date: string): Post | null {
  const free = (p: Post) => !holderOf(p.id, staff, leavers, date);
  if (vacancy.postIds?.length) {
    const byId = new Map(posts.map((p) => [p.id, p]));
    return vacancy.postIds.map((id) => byId.get(id)).find((p): p is Post => !!p && free(p)) ?? null;
  }
  const candidates = posts
    .filter((p) => vacancy.teamIds.includes(p.teamId) && p.role === vacancy.role && p.cover !== 'permanent' && free(p))
    .sort((a, b) => COVER_PREFERENCE[a.cover] - COVER_PREFERENCE[b.cover] || (a.id < b.id ? -1 : 1));
  return candidates[0] ?? null;
}
