import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { addPersonRequest, type CreatedInvitation, type PersonRow, type UpdatePersonRequest } from '#shared/api/index';
import { formatDay, londonDateOf } from '#shared/calendar';
import { ROLES, type Team, type UserRole } from '#shared/schema/index';
import { getDb } from '@/db/database';
import { useLiveQuery } from '@/ui/hooks/useLiveQuery';
import { relativeTime } from '@/ui/common/relativeTime';
import { choicesOf, Options } from '@/ui/common/Options';
import { useSignedIn } from '../daily/useSignedIn';
import { adminApi } from './api';
import { apiFieldErrors, fieldErrors } from './fieldErrors';
import { describedBy, Field, FormActions } from './Field';
import { InvitationPanel } from './InvitationPanel';
import { ROLE_NAMES } from './roles';
import './admin.css';

type Shown = { name: string; email: string; invitation: CreatedInvitation };

function AddPerson(props: { teams: Team[]; onAdded: (person: PersonRow, invitation: CreatedInvitation) => void }) {
  const [form, setForm] = useState({ name: '', email: '', role: 'manager' as UserRole, teamId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  async function add(e: Event) {
    e.preventDefault();
    const parsed = addPersonRequest.safeParse({ ...form, teamId: form.teamId || null });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      const r = await adminApi.addPerson(parsed.data);
      setErrors({});
      setForm({ name: '', email: '', role: form.role, teamId: '' });
      props.onAdded(r.person, r.invitation!);
    } catch (err) {
      setErrors(apiFieldErrors(err, { user_exists: 'email', team_not_found: 'teamId' }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="admin-form" aria-label="Add a person" noValidate onSubmit={add}>
      <Field id="add-name" label="Name" error={errors.name}>
        <input id="add-name" value={form.name} onInput={set('name')} autoComplete="off" {...describedBy('add-name', errors.name)} />
      </Field>
      <Field id="add-email" label="Work email" error={errors.email}>
        <input id="add-email" type="email" value={form.email} onInput={set('email')} autoComplete="off" {...describedBy('add-email', errors.email)} />
      </Field>
      <Field id="add-role" label="Role" error={errors.role}>
        <select id="add-role" value={form.role} onChange={set('role')} {...describedBy('add-role', errors.role)}>
          <Options choices={choicesOf(ROLES, ROLE_NAMES)} />
        </select>
      </Field>
      <Field id="add-team" label="Team" error={errors.teamId}>
        <select id="add-team" value={form.teamId} onChange={set('teamId')} {...describedBy('add-team', errors.teamId)}>
          <option value="">No team</option>
          <Options choices={props.teams.map((t) => ({ value: t.id, label: t.name }))} />
        </select>
      </Field>
      <FormActions submit="Add and invite" busy={busy} error={errors.form} />
    </form>
  );
}

/** A control in a table row: its label for screen readers only, its error in words under it. */
function RowField(props: { id: string; label: string; error?: string; children: ComponentChildren }) {
  return (
    <span class="field">
      <label class="visually-hidden" for={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.error && (
        <span class="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </span>
      )}
    </span>
  );
}

function status(p: PersonRow): string {
  if (!p.active) return 'Deactivated';
  if (p.invitationExpiresAt) return `Invited, until ${formatDay(londonDateOf(p.invitationExpiresAt))}`;
  return p.activeTokens > 0 ? 'Active' : 'No browser signed in';
}

function PersonRowView(props: { person: PersonRow; teams: Team[]; isMe: boolean; onChanged: (p: PersonRow, invitation?: CreatedInvitation) => void }) {
  const p = props.person;
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Runs one change of the row, busy meanwhile; a failure is shown by the field it concerns. */
  async function run(field: string, call: () => Promise<void>) {
    setBusy(true);
    try {
      await call();
    } catch (err) {
      setError({ field, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }
  const change = (field: string, value: UpdatePersonRequest) =>
    run(field, async () => {
      const r = await adminApi.updatePerson(p.id, value);
      setError(null);
      props.onChanged(r.person, r.invitation);
    });
  const inviteAgain = () =>
    run('invite', async () => {
      const r = await adminApi.inviteAgain(p.id);
      setError(null);
      props.onChanged({ ...p, invitationExpiresAt: r.invitation.expiresAt }, r.invitation);
    });
  const id = (k: string) => `${k}-${p.id}`;
  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);
  const say = (field: string) =>
    errorOf(field) && (
      <span class="field-error" id={`${id(field)}-error`} role="alert">
        {errorOf(field)}
      </span>
    );
  return (
    <tr data-testid={`person-${p.id}`}>
      <th scope="row">
        {p.name}
        {props.isMe && <span class="muted"> (you)</span>}
        <br />
        <span class="muted">{p.email}</span>
      </th>
      <td>
        <RowField id={id('role')} label={`Role of ${p.name}`} error={errorOf('role')}>
          <select id={id('role')} value={p.role} disabled={busy || !p.active} onChange={(e) => void change('role', { role: e.currentTarget.value as UserRole })} {...describedBy(id('role'), errorOf('role'))}>
            <Options choices={choicesOf(ROLES, ROLE_NAMES)} />
          </select>
        </RowField>
      </td>
      <td>
        <RowField id={id('teamId')} label={`Team of ${p.name}`} error={errorOf('teamId')}>
          <select id={id('teamId')} value={p.teamId ?? ''} disabled={busy} onChange={(e) => void change('teamId', { teamId: e.currentTarget.value || null })} {...describedBy(id('teamId'), errorOf('teamId'))}>
            <option value="">No team</option>
            <Options choices={props.teams.map((t) => ({ value: t.id, label: t.name }))} />
          </select>
        </RowField>
      </td>
      <td>{relativeTime(p.lastSeenAt)}</td>
      <td>{p.activeTokens}</td>
      <td>{status(p)}</td>
      <td>
        {p.active ? (
          <>
            <button type="button" disabled={busy} onClick={() => void change('active', { active: false })} aria-describedby={errorOf('active') ? `${id('active')}-error` : undefined}>
              Deactivate<span class="visually-hidden"> {p.name}</span>
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => void inviteAgain()}>
              New invitation<span class="visually-hidden"> for {p.name}</span>
            </button>
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => void change('active', { active: true })}>
            Reactivate and invite<span class="visually-hidden"> {p.name}</span>
          </button>
        )}
        {say('active')}
        {say('invite')}
      </td>
    </tr>
  );
}

/** Admin: the council's people, their roles and teams, and invitations to sign in. */
export function PeoplePage() {
  const { session } = useSignedIn();
  const teams = useLiveQuery(() => getDb().teams.toArray().then((ts) => ts.sort((a, b) => a.name.localeCompare(b.name))), []) ?? [];
  const [people, setPeople] = useState<PersonRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    adminApi.listPeople().then(
      (r) => setPeople(r.people),
      (err: Error) => setLoadError(err.message),
    );
  }, []);
  const upsert = (person: PersonRow, invitation?: CreatedInvitation) => {
    setPeople((list) => [...(list ?? []).filter((x) => x.id !== person.id), person].sort((a, b) => a.name.localeCompare(b.name)));
    if (invitation) setShown({ name: person.name, email: person.email, invitation });
  };
  const organisation = session?.me.organisation.name ?? 'your council';
  return (
    <section aria-labelledby="people-title">
      <h1 id="people-title">People</h1>
      <p class="summary">Who may use Shortlist at {organisation}. Adding someone makes a one-time invitation for you to send by email: nobody copies a token.</p>
      {shown && <InvitationPanel {...shown} organisation={organisation} onClose={() => setShown(null)} />}
      <h2>Add a person</h2>
      <AddPerson teams={teams} onAdded={(p, inv) => upsert(p, inv)} />
      <h2>Everyone</h2>
      {loadError && (
        <p role="alert" class="status-red">
          Could not load the people: {loadError}
        </p>
      )}
      {!people && !loadError && <p>Loading…</p>}
      {people && (
        <table class="admin-table" aria-label="People">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Team</th>
              <th scope="col">Last seen</th>
              <th scope="col">Signed-in browsers</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <PersonRowView key={p.id} person={p} teams={teams} isMe={p.id === session?.me.user.id} onChanged={upsert} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
