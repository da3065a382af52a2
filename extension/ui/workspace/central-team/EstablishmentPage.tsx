import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { mondayOf } from '#shared/calendar';
import { COVER_STATES, ROLE_LABELS, ROLE_LADDER, type CoverState, type Post, type SocialWorkRole } from '#shared/schema/index';
import { upsertRecord, ValidationError } from '@/db/writes';
import { ChoiceSelect } from '@/ui/common/ChoiceSelect';
import { TableHead } from '@/ui/common/DataTable';
import { choicesOf, Options } from '@/ui/common/Options';
import { DownloadCsvButton } from '@/ui/csv';
import { establishment, type TeamRow } from './establishmentModel';
import { percent } from './reportModel';
import { useHolderNames } from './holderNames';
import { useCentralData } from './useCentralData';

const COVER_LABELS: Record<CoverState, string> = { permanent: 'Permanent', agency: 'Agency', vacant: 'Vacant', interim: 'Interim / secondment' };
const COVER_CHOICES = choicesOf(COVER_STATES, COVER_LABELS);
const money = (n: number) => `£${Math.round(n).toLocaleString('en-GB')}`;

function PostRow(props: { post: Post; holder: string | undefined; endingSoon: boolean; onError: (m: string | null) => void }) {
  const { post } = props;
  async function save(fields: Partial<Post>) {
    try {
      await upsertRecord('posts', post.id, fields);
      props.onError(null);
    } catch (err) {
      props.onError(err instanceof ValidationError ? err.issues.join('; ') : (err as Error).message);
    }
  }
  return (
    <tr data-testid={`post-${post.id}`}>
      <td>{ROLE_LABELS[post.role]}</td>
      <td>{post.fte}</td>
      <td data-testid="post-holder">{props.holder ?? <span class="muted">nobody</span>}</td>
      <td>
        <label class="visually-hidden" for={`cover-${post.id}`}>
          Cover of this {ROLE_LABELS[post.role]} post
        </label>
        <select
          id={`cover-${post.id}`}
          value={post.cover}
          onChange={(e) => {
            const cover = e.currentTarget.value as CoverState;
            void save(cover === 'agency' ? { cover } : { cover, agencyName: null, agencyWeeklyCost: null, coverEndDate: null });
          }}
        >
          <Options choices={COVER_CHOICES} />
        </select>
      </td>
      {post.cover === 'agency' ? (
        // Agency details are edited in place and saved on change, each checked by postSchema in the write.
        <>
          <td>
            <input
              aria-label={`Agency of this ${ROLE_LABELS[post.role]} post`}
              value={post.agencyName ?? ''}
              size={28}
              onChange={(e) => void save({ agencyName: e.currentTarget.value.trim() || null })}
            />
          </td>
          <td>
            <input
              aria-label={`Weekly cost in pounds of this ${ROLE_LABELS[post.role]} post`}
              type="number"
              min={0}
              step={10}
              style={{ width: '6em' }}
              value={post.agencyWeeklyCost ?? ''}
              onChange={(e) => void save({ agencyWeeklyCost: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
            />
          </td>
          <td class={props.endingSoon ? 'status-amber' : ''}>
            <input
              aria-label={`Agency cover end date of this ${ROLE_LABELS[post.role]} post`}
              type="date"
              value={post.coverEndDate ?? ''}
              onChange={(e) => void save({ coverEndDate: e.currentTarget.value || null })}
            />
            {props.endingSoon && <span> ends within 4 weeks</span>}
          </td>
        </>
      ) : (
        <>
          <td />
          <td />
          <td />
        </>
      )}
    </tr>
  );
}

function TeamSection(props: { row: TeamRow; asOf: string; cover: CoverState | ''; holders: ReadonlyMap<string, string> }) {
  const { row } = props;
  // The cover filter narrows the table only: the team's rates stay over all its posts.
  const listed = props.cover ? row.posts.filter((p) => p.cover === props.cover) : row.posts;
  const [error, setError] = useState<string | null>(null);
  const [role, setRole] = useState<SocialWorkRole>('social_worker');
  async function confirmWeek() {
    const week = mondayOf(props.asOf);
    for (const p of row.posts) if (p.confirmedWeek !== week) await upsertRecord('posts', p.id, { confirmedWeek: week });
  }
  async function addPost() {
    try {
      await upsertRecord('posts', uuidv7(), { teamId: row.team.id, role, fte: 1, cover: 'vacant' });
    } catch (err) {
      setError((err as Error).message);
    }
  }
  return (
    <section aria-label={row.team.name} data-testid={`team-${row.team.id}`}>
      <h2>
        {row.team.name} <span class="muted">{row.team.area ?? ''}</span>
      </h2>
      <p>
        {row.posts.length} posts · vacancy rate <strong data-testid="team-vacancy-rate">{percent(row.vacancyRate)}</strong> · agency rate{' '}
        <strong data-testid="team-agency-rate">{percent(row.agencyRate)}</strong> · agency {money(row.weeklyAgencyCost)} a week
        {row.endingSoon.length > 0 && <span class="status-amber"> · {row.endingSoon.length} agency cover{row.endingSoon.length === 1 ? '' : 's'} ending within 4 weeks</span>} ·{' '}
        {row.confirmedThisWeek ? (
          <span class="status-green">confirmed this week</span>
        ) : (
          <button type="button" onClick={confirmWeek}>
            Confirm this week's establishment
          </button>
        )}
      </p>
      <table>
        <TableHead headers={['Role', 'FTE', 'Holder', 'Cover', 'Agency', 'Weekly cost', 'Cover ends']} />
        <tbody>
          {listed.map((p) => (
            <PostRow key={p.id} post={p} holder={props.holders.get(p.id)} endingSoon={row.endingSoon.includes(p)} onError={setError} />
          ))}
        </tbody>
      </table>
      <p>
        <label>
          Add a post:{' '}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as SocialWorkRole)}>
            <Options choices={choicesOf(ROLE_LADDER, ROLE_LABELS)} />
          </select>
        </label>{' '}
        <button type="button" onClick={addPost}>
          Add vacant post
        </button>
      </p>
      {error && (
        <p role="alert" class="status-red">
          {error}
        </p>
      )}
    </section>
  );
}

/** Every post in the establishment and its cover, tracked weekly, with the census rates per team. */
export function EstablishmentPage() {
  const data = useCentralData();
  // Who holds each post (issue 16), read apart so the establishment shows without waiting for it.
  const holders = useHolderNames();
  const [teamId, setTeamId] = useState('');
  const [cover, setCover] = useState<CoverState | ''>('');
  if (!data) return <p>Loading the establishment…</p>;
  const { rows, total } = establishment(data.teams, data.posts, data.asOf);
  const shown = rows.filter((r) => (!teamId || r.team.id === teamId) && (!cover || r.posts.some((p) => p.cover === cover)));
  const unconfirmed = rows.filter((r) => !r.confirmedThisWeek);
  const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
  return (
    <div>
      <h1>Establishment</h1>
      <p data-testid="establishment-total">
        {data.posts.length} posts: vacancy rate <strong>{percent(total.vacancyRate)}</strong>, agency rate <strong>{percent(total.agencyRate)}</strong>, agency spend{' '}
        {money(total.weeklyAgencyCost)} a week.
      </p>
      {unconfirmed.length > 0 && <p class="status-amber">Not confirmed this week: {unconfirmed.map((r) => r.team.name).join(', ')}.</p>}
      <div class="filters">
        <ChoiceSelect id="est-team" label="Team" allLabel="All teams" value={teamId} choices={data.teams.map((t) => ({ value: t.id, label: t.name }))} onChange={(v) => setTeamId(v ?? '')} />
        <ChoiceSelect id="est-cover" label="Cover" allLabel="Any cover" value={cover} choices={COVER_CHOICES} onChange={(v) => setCover(v ?? '')} />
        <DownloadCsvButton
          rows={data.posts.filter((p) => (!teamId || p.teamId === teamId) && (!cover || p.cover === cover))}
          filename="shortlist-establishment"
          columns={[
            { header: 'Team', value: (p) => teamName.get(p.teamId) ?? p.teamId },
            { header: 'Role', value: (p) => ROLE_LABELS[p.role] },
            { header: 'FTE', value: (p) => p.fte },
            { header: 'Cover', value: (p) => COVER_LABELS[p.cover] },
            { header: 'Agency', value: (p) => p.agencyName ?? '' },
            { header: 'Weekly cost', value: (p) => p.agencyWeeklyCost ?? '' },
            { header: 'Cover ends', value: (p) => p.coverEndDate ?? '' },
            { header: 'Confirmed week', value: (p) => p.confirmedWeek ?? '' },
          ]}
        />
      </div>
      {shown.map((row) => (
        <TeamSection key={row.team.id} row={row} asOf={data.asOf} cover={cover} holders={holders} />
      ))}
    </div>
  );
}
