import { isoDate, type Leaver, type LeaverDestination, type LeaverReason, type Post, type SocialWorkRole, type Staff, type Team, type UserRole, type Vacancy } from '#shared/schema/index';
import { holderOf, recordDeparture, upsert, vacancyDraftForPost, type Departure, type DepartureDestination, type PlannedUpsert } from '#shared/staff/index';
import { canActForTeam, isRecordEditor } from './access';

export interface PostLine {
  post: Post;
  /** Who holds it today. */
  holder: Staff | null;
  /** The holder's recorded leaving, when they are working their notice. */
  leaving: Leaver | null;
  /** A recruitment already under way for this post (draft or open). */
  recruitment: Vacancy | null;
}

export interface TeamLines {
  team: Team;
  lines: PostLine[];
  /** This person may record leavers and start "recruit to this post" here. */
  canAct: boolean;
}

/** Each team's posts with their holder today, for the teams in view; editors see who may change holders. */
export function staffOnPosts(
  data: { teams: readonly Team[]; posts: readonly Post[]; staff: readonly Staff[]; leavers: readonly Leaver[]; vacancies: readonly Vacancy[]; userId: string; role: UserRole | null },
  today: string,
): TeamLines[] {
  const recruiting = new Map<string, Vacancy>();
  for (const v of data.vacancies) if (v.status === 'draft' || v.status === 'open') for (const p of v.postIds ?? []) recruiting.set(p, v);
  return data.teams.map((team) => ({
    team,
    canAct: canActForTeam(data.role, team, data.userId),
    lines: data.posts
      .filter((p) => p.teamId === team.id)
      .map((post) => {
        const holder = holderOf(post.id, data.staff, data.leavers, today);
        return { post, holder, leaving: (holder && data.leavers.find((l) => l.staffId === holder.id)) ?? null, recruitment: recruiting.get(post.id) ?? null };
      }),
  }));
}

/** Only coordinators and the central team add or change a post's holder. */
export const canEditHolders = isRecordEditor;

export interface HolderDraft {
  name: string;
  role: SocialWorkRole;
  fte: string;
  startDate: string;
  asyeStatus: string;
  ecf: string;
  fromAgency: boolean;
}

export const holderDraft = (post: Post, s?: Staff | null): HolderDraft => ({
  name: s?.name ?? '',
  role: s?.role ?? post.role,
  fte: String(s?.fte ?? post.fte),
  startDate: s?.startDate ?? '',
  asyeStatus: s?.asyeStatus ?? '',
  ecf: s?.ecf ?? '',
  fromAgency: s?.fromAgency ?? false,
});

const number = (s: string) => (/^\s*\d+(\.\d+)?\s*$/.test(s) ? Number(s) : (s as unknown as number));

/**
 * The staff record a holder form writes (the record schema checks it in the write). A new holder
 * also covers the post permanently: someone now holds it.
 */
export function holderChanges(post: Post, id: string, d: HolderDraft, isNew: boolean): PlannedUpsert[] {
  const changes: PlannedUpsert[] = [
    upsert('staff', id, {
      postId: post.id,
      name: d.name.trim(),
      role: d.role,
      fte: number(d.fte),
      startDate: d.startDate,
      asyeStatus: (d.asyeStatus || null) as Staff['asyeStatus'],
      ecf: (d.ecf || null) as Staff['ecf'],
      fromAgency: d.fromAgency,
    }),
  ];
  if (isNew && post.cover !== 'permanent') changes.push(upsert('posts', post.id, { cover: 'permanent', agencyName: null, agencyWeeklyCost: null, coverEndDate: null }));
  return changes;
}

export interface LeaverDraft {
  leavingDate: string;
  reason: LeaverReason | '';
  destination: DepartureDestination | '';
  cover: 'vacant' | 'agency';
  agencyName: string;
  toTeamId: string;
}

export const leaverDraft = (): LeaverDraft => ({ leavingDate: '', reason: '', destination: '', cover: 'vacant', agencyName: '', toTeamId: '' });

/**
 * A leaver form's errors, field by field, or the departure it records (shared/staff's rule: a
 * leaver frees the post and is offered an exit interview; an internal move is a transfer).
 */
export function planDeparture(
  d: LeaverDraft,
  holder: Pick<Staff, 'id' | 'postId' | 'fte'>,
  post: Pick<Post, 'id' | 'teamId'>,
  today: string,
  newId: () => string,
): { ok: false; errors: Record<string, string> } | { ok: true; departure: Departure } {
  const errors: Record<string, string> = {};
  if (!d.destination) errors.destination = 'choose where they are going';
  if (d.destination === 'internal_move') {
    if (!d.toTeamId) errors.toTeamId = 'choose the team they move to';
    else if (d.toTeamId === post.teamId) errors.toTeamId = 'an internal move is to another team';
  } else {
    if (!isoDate.safeParse(d.leavingDate).success) errors.leavingDate = 'give their last day as a date';
    if (!d.reason) errors.reason = 'choose the main reason';
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const base = { staff: holder, post, today, newId };
  const departure =
    d.destination === 'internal_move'
      ? recordDeparture({ ...base, destination: 'internal_move', toTeamId: d.toTeamId })
      : recordDeparture({
          ...base,
          destination: d.destination as LeaverDestination,
          leavingDate: d.leavingDate,
          reason: d.reason as LeaverReason,
          coverAfter: d.cover === 'agency' ? { cover: 'agency', agencyName: d.agencyName.trim() || null } : { cover: 'vacant' },
        });
  return { ok: true, departure };
}

/** "Recruit to this post": the draft vacancy shared/staff fills in from the post. */
export const recruitChanges = (post: Pick<Post, 'id' | 'teamId' | 'role'>, team: Pick<Team, 'name'>, id: string): PlannedUpsert[] => [upsert('vacancies', id, vacancyDraftForPost(post, team))];

/**
 * Where "recruit to this post" is offered: nobody recruiting to it yet, and either nobody holds it
 * or its holder is working their notice (recruiting starts the day the leaver is recorded).
 */
export const offersRecruitment = (line: PostLine) => !line.recruitment && (line.leaving !== null || (!line.holder && line.post.cover !== 'permanent'));
