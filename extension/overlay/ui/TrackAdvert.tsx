import { useEffect, useState } from 'preact/hooks';
import { ROLE_LABELS, ROLE_LADDER, type SocialWorkRole } from '#shared/labels';
import type { OverlayPage, UntrackedAdvertView } from '@/overlay/views';
import { loadActions } from '@/overlay/frame/load-actions';
import { FormError, useRequestForm } from './requestForm';

/** "Track this advert": link the page's advert to an existing vacancy, or create the vacancy from what the page says. */
export function TrackAdvert(props: { session: string; view: UntrackedAdvertView; advert: Extract<OverlayPage, { kind: 'advert' }>; onTracked: () => void }) {
  const { advert } = props;
  const [filter, setFilter] = useState('');
  const [vacancyId, setVacancyId] = useState('');
  const [creating, setCreating] = useState(false);
  const [role, setRole] = useState<SocialWorkRole>('social_worker');
  const [posts, setPosts] = useState(1);
  const [teamId, setTeamId] = useState('');
  const [teams, setTeams] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    loadActions().then((a) => a.teamChoices()).then(setTeams, () => setTeams([]));
  }, []);
  const wanted = filter.trim().toLowerCase();
  const choices = props.view.vacancies.filter((v) => !wanted || v.title.toLowerCase().includes(wanted) || (v.reference ?? '').toLowerCase().includes(wanted));
  const { error, onSubmit } = useRequestForm(async () => {
    // The advert's facts and address are the session's, asked of the background again as it is tracked.
    await (await loadActions()).trackSessionAdvert(
      props.session,
      creating ? { newVacancy: { title: advert.title, role, posts, mode: advert.closingDate ? 'closing-date' : 'rolling', teamIds: teamId ? [teamId] : [] } } : { vacancyId },
    );
    props.onTracked();
  });
  return (
    <form onSubmit={onSubmit} data-testid="track-advert" aria-label="Track this advert">
      <p>This advert is not tracked yet.</p>
      <ReadFromPage advert={advert} />
      {!creating ? (
        <>
          <label for="sl-vfilter">Find the vacancy</label>
          <input id="sl-vfilter" type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} placeholder="title or reference" />
          <label for="sl-vacancy">Vacancy</label>
          <select id="sl-vacancy" required value={vacancyId} onChange={(e) => setVacancyId(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {choices.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title} ({v.status}{v.reference ? `, ${v.reference}` : ''})
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label for="sl-role">Role</label>
          <select id="sl-role" value={role} onChange={(e) => setRole(e.currentTarget.value as SocialWorkRole)}>
            {ROLE_LADDER.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <label for="sl-posts">Number of posts</label>
          <input id="sl-posts" type="number" min={1} max={100} value={posts} onInput={(e) => setPosts(Number(e.currentTarget.value) || 1)} />
          <label for="sl-team">Team</label>
          <select id="sl-team" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)}>
            <option value="">Not one team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary">
          {creating ? 'Create vacancy and track' : 'Track this advert'}
        </button>
        <button type="button" onClick={() => setCreating(!creating)}>
          {creating ? 'Link to an existing vacancy' : 'New vacancy from this page'}
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}

/** What was read from the page, shown before anything is saved (as text: page text is never HTML). */
function ReadFromPage({ advert }: { advert: Extract<OverlayPage, { kind: 'advert' }> }) {
  const rows: Array<[string, string | undefined]> = [
    ['Title', advert.title],
    ['Employer', advert.employer],
    ['Location', advert.location],
    ['Salary', advert.salary],
    ['Reference', advert.reference],
    ['Closing date', advert.closingDate],
  ];
  return (
    <dl class="muted" data-testid="read-from-page" aria-label="Read from this page">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
