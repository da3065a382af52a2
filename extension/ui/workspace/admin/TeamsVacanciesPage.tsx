import { useState } from 'preact/hooks';
import { formatDay } from '#shared/calendar';
import { ROLE_LABELS, ROLE_LADDER, SHORTLISTING_MODES, TEAM_TYPE_LABELS, TEAM_TYPES, VACANCY_STATUSES, type Team, type Vacancy } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { choicesOf } from '@/ui/common/Options';
import { EditButton, FormActions, SelectField, TableHead, TextField } from './Field';
import { MODE_LABELS, saveTeam, saveVacancy, STATUS_LABELS, teamDraft, vacancyDraft, type Saved, type VacancyDraft } from './recordForms';
import './admin.css';

/** A record form's draft, its errors, a setter per field, and a submit that saves the draft and closes the form, or shows the errors. */
function useRecordForm<D extends object>(initial: D, save: (d: D) => Promise<Saved>, onDone: () => void) {
  const [d, setD] = useState<D>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof D) => (e: { currentTarget: { value: string } }) => setD({ ...d, [k]: e.currentTarget.value });
  async function submit(e: Event) {
    e.preventDefault();
    const r = await save(d);
    if (!r.ok) return setErrors(r.errors);
    onDone();
  }
  return { d, setD, errors, set, submit };
}

const byName = <T extends { name?: string; title?: string }>(a: T, b: T) => (a.name ?? a.title ?? '').localeCompare(b.name ?? b.title ?? '');

function TeamForm(props: { team?: Team; onDone: () => void }) {
  const { d, errors, set, submit } = useRecordForm(teamDraft(props.team), (draft) => saveTeam(props.team?.id ?? null, draft), props.onDone);
  const label = props.team ? `Edit ${props.team.name}` : 'Add a team';
  return (
    <form class="admin-form" aria-label={label} noValidate onSubmit={submit}>
      <h3 class="wide">{label}</h3>
      <TextField id="team-name" label="Name" value={d.name} error={errors.name} onInput={set('name')} />
      <SelectField id="team-type" label="Type" value={d.type} choices={choicesOf(TEAM_TYPES, TEAM_TYPE_LABELS)} error={errors.type} onChange={set('type')} />
      <TextField id="team-area" label="Area or locality" value={d.area} error={errors.area} onInput={set('area')} />
      <FormActions submit="Save team" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

function VacancyForm(props: { vacancy?: Vacancy; teams: Team[]; onDone: () => void }) {
  const { d, setD, errors, set, submit } = useRecordForm(vacancyDraft(props.vacancy), (draft) => saveVacancy(props.vacancy?.id ?? null, draft), props.onDone);
  const label = props.vacancy ? `Edit ${props.vacancy.title}` : 'Add a vacancy';
  const text = (k: keyof VacancyDraft, label: string, type: 'text' | 'date' = 'text') => (
    <TextField id={`vacancy-${k}`} label={label} type={type} value={d[k] as string} error={errors[k]} onInput={set(k)} />
  );
  return (
    <form class="admin-form" aria-label={label} noValidate onSubmit={submit}>
      <h3 class="wide">{label}</h3>
      {text('title', 'Title')}
      <SelectField id="vacancy-role" label="Role" value={d.role} choices={choicesOf(ROLE_LADDER, ROLE_LABELS)} error={errors.role} onChange={set('role')} />
      {text('posts', 'Number of posts')}
      <SelectField id="vacancy-mode" label="Shortlisting" value={d.mode} choices={choicesOf(SHORTLISTING_MODES, MODE_LABELS)} error={errors.mode} onChange={set('mode')} />
      <SelectField id="vacancy-status" label="Status" value={d.status} choices={choicesOf(VACANCY_STATUSES, STATUS_LABELS)} error={errors.status} onChange={set('status')} />
      {text('reference', 'Reference')}
      {text('openedDate', 'Advert opened', 'date')}
      {text('closingDate', 'Closing date', 'date')}
      {text('plannedShortlistDate', 'Planned shortlisting', 'date')}
      {text('plannedInterviewDate', 'Planned interviews', 'date')}
      <fieldset class="wide" aria-describedby={errors.teamIds ? 'vacancy-teams-error' : undefined}>
        <legend>Teams</legend>
        {props.teams.length === 0 && <p class="muted">No teams yet: add one first.</p>}
        {props.teams.map((t) => (
          <label key={t.id} style={{ marginRight: '16px', whiteSpace: 'nowrap' }}>
            <input
              type="checkbox"
              checked={d.teamIds.includes(t.id)}
              onChange={(e) => setD({ ...d, teamIds: e.currentTarget.checked ? [...d.teamIds, t.id] : d.teamIds.filter((x) => x !== t.id) })}
            />{' '}
            {t.name}
          </label>
        ))}
        {errors.teamIds && (
          <span id="vacancy-teams-error" class="field-error" role="alert">
            {errors.teamIds}
          </span>
        )}
      </fieldset>
      <FormActions submit="Save vacancy" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

type Editing = { kind: 'team' | 'vacancy'; id: string | null } | null;

/** Coordinators and the central team: teams and vacancies, created and edited here as well as from adverts and imports. */
/** A section's title with the button that opens the form for a new record of it. */
function SectionHead(props: { title: string; addLabel: string; onAdd: () => void }) {
  return (
    <div class="page-head">
      <h2>{props.title}</h2>
      <button type="button" onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </div>
  );
}

export function TeamsVacanciesPage() {
  const data = useLiveQuery(async () => {
    const db = getDb();
    const [teams, vacancies] = await Promise.all([db.teams.toArray(), db.vacancies.toArray()]);
    return { teams: teams.sort(byName), vacancies: vacancies.sort(byName) };
  }, []);
  const [editing, setEditing] = useState<Editing>(null);
  if (!data) return <p>Loading teams and vacancies…</p>;
  const { teams, vacancies } = data;
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? 'a team no longer listed';
  const done = () => setEditing(null);
  return (
    <section aria-labelledby="tv-title">
      <h1 id="tv-title">Teams and vacancies</h1>
      <p class="summary">Changes are saved in this browser at once and reach everyone at the next sync.</p>

      <SectionHead title="Teams" addLabel="Add a team" onAdd={() => setEditing({ kind: 'team', id: null })} />
      {editing?.kind === 'team' && <TeamForm key={editing.id ?? 'new'} team={teams.find((t) => t.id === editing.id)} onDone={done} />}
      <table class="admin-table" aria-label="Teams">
        <TableHead columns={['Name', 'Type', 'Area']} />
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>{TEAM_TYPE_LABELS[t.type]}</td>
              <td>{t.area ?? ''}</td>
              <td>
                <EditButton name={t.name} onClick={() => setEditing({ kind: 'team', id: t.id })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <SectionHead title="Vacancies" addLabel="Add a vacancy" onAdd={() => setEditing({ kind: 'vacancy', id: null })} />
      {editing?.kind === 'vacancy' && <VacancyForm key={editing.id ?? 'new'} vacancy={vacancies.find((v) => v.id === editing.id)} teams={teams} onDone={done} />}
      <table class="admin-table" aria-label="Vacancies">
        <TableHead columns={['Title', 'Teams', 'Posts', 'Shortlisting', 'Closing date', 'Status']} />
        <tbody>
          {vacancies.map((v) => (
            <tr key={v.id}>
              <th scope="row">{v.title}</th>
              <td>{v.teamIds.map(teamName).join(', ')}</td>
              <td>{v.posts}</td>
              <td>{v.mode === 'rolling' ? 'Rolling' : 'Closing date'}</td>
              <td>{v.closingDate ? formatDay(v.closingDate) : ''}</td>
              <td>{STATUS_LABELS[v.status]}</td>
              <td>
                <EditButton name={v.title} onClick={() => setEditing({ kind: 'vacancy', id: v.id })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
