import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import {
  ASYE_STATUS_LABELS,
  ASYE_STATUSES,
  EARLY_CAREER_FRAMEWORKS,
  LEAVER_DESTINATION_LABELS,
  LEAVER_DESTINATIONS,
  LEAVER_REASON_LABELS,
  LEAVER_REASONS,
  ROLE_LABELS,
  ROLE_LADDER,
  type Team,
} from '#shared/schema/index';
import { ChoiceSelect } from '@/ui/common/ChoiceSelect';
import { TableHead } from '@/ui/common/DataTable';
import { choicesOf } from '@/ui/common/Options';
import { FormActions, TextField } from '../admin/Field';
import '../admin/admin.css';
import type { RetentionData } from './data';
import { NumberField, SelectField, useDraft } from './fields';
import { canEditHolders, holderChanges, holderDraft, leaverDraft, offersRecruitment, planDeparture, recruitChanges, staffOnPosts, type PostLine } from './staffModel';
import { useRetentionData } from './useRetentionData';
import { RowButton, RowWithForm } from './RowWithForm';
import { applyChanges } from './writes';
import { staffName } from '#shared/names';

const COVER_LABELS = { permanent: 'Permanent', agency: 'Agency', vacant: 'Vacant', interim: 'Interim / secondment' } as const;
const ECF_LABELS = { asye: 'ASYE', ecf: 'Early Career Framework' } as const;
const DESTINATION_CHOICES = [...choicesOf(LEAVER_DESTINATIONS, LEAVER_DESTINATION_LABELS), { value: 'internal_move' as const, label: 'Internal move (a transfer, not a leaver)' }];

function HolderForm(props: { line: PostLine; onDone: (message: string | null) => void }) {
  const { post, holder } = props.line;
  const { d, setD, errors, setErrors, set } = useDraft(() => holderDraft(post, holder));
  const id = `holder-${post.id}`;
  async function submit(e: Event) {
    e.preventDefault();
    const saved = await applyChanges(holderChanges(post, holder?.id ?? uuidv7(), d, !holder));
    if (!saved.ok) return setErrors(saved.errors);
    props.onDone(`${d.name.trim()} holds this ${ROLE_LABELS[d.role]} post.`);
  }
  return (
    <form class="admin-form" aria-label={holder ? `Edit ${staffName(holder)}` : `Add the holder of this ${ROLE_LABELS[post.role]} post`} noValidate onSubmit={submit}>
      <TextField id={`${id}-name`} label="Name" value={d.name} error={errors.name} onInput={set('name')} />
      <SelectField id={`${id}-role`} label="Role" value={d.role} choices={choicesOf(ROLE_LADDER, ROLE_LABELS)} error={errors.role} onChange={set('role')} />
      <NumberField id={`${id}-fte`} label="FTE" value={d.fte} step="0.1" error={errors.fte} onInput={set('fte')} />
      <TextField id={`${id}-start`} label="Start date" type="date" value={d.startDate} error={errors.startDate} onInput={set('startDate')} />
      <SelectField id={`${id}-asye`} label="ASYE status (newly qualified only)" value={d.asyeStatus} prompt="Not newly qualified" choices={choicesOf(ASYE_STATUSES, ASYE_STATUS_LABELS)} error={errors.asyeStatus} onChange={set('asyeStatus')} />
      <SelectField id={`${id}-ecf`} label="Framework" value={d.ecf} prompt="—" choices={choicesOf(EARLY_CAREER_FRAMEWORKS, ECF_LABELS)} error={errors.ecf} onChange={set('ecf')} />
      <label class="wide">
        <input type="checkbox" checked={d.fromAgency} onChange={(e) => setD({ ...d, fromAgency: e.currentTarget.checked })} /> Worked here through an agency before
      </label>
      <FormActions submit="Save holder" onCancel={() => props.onDone(null)} error={errors.form ?? errors.postId} />
    </form>
  );
}

function LeaverForm(props: { line: PostLine; teams: readonly Team[]; today: string; onDone: (message: string | null) => void }) {
  const { post, holder } = props.line;
  const { d, errors, setErrors, set } = useDraft(leaverDraft);
  const id = `leaver-${post.id}`;
  if (!holder) return null;
  async function submit(e: Event) {
    e.preventDefault();
    const planned = planDeparture(d, holder!, post, props.today, uuidv7);
    if (!planned.ok) return setErrors(planned.errors);
    const saved = await applyChanges(planned.departure.changes);
    if (!saved.ok) return setErrors(saved.errors);
    props.onDone(
      planned.departure.kind === 'leaver'
        ? `${staffName(holder!)} recorded as a leaver; the post is ${d.cover === 'agency' ? 'covered by an agency' : 'vacant'} and an exit interview is offered.`
        : `Transfer requested for ${staffName(holder!)}: not a leaver. The post frees when the move happens.`,
    );
  }
  const internal = d.destination === 'internal_move';
  return (
    <form class="admin-form" aria-label={`Record ${staffName(holder)} leaving`} noValidate onSubmit={submit}>
      <SelectField id={`${id}-destination`} autoFocus label="Where to" value={d.destination} prompt="Choose…" choices={DESTINATION_CHOICES} error={errors.destination} onChange={set('destination')} />
      {internal ? (
        <SelectField
          id={`${id}-to`}
          label="Moves to team"
          value={d.toTeamId}
          prompt="Choose…"
          choices={props.teams.filter((t) => t.id !== post.teamId).map((t) => ({ value: t.id, label: t.name }))}
          error={errors.toTeamId}
          onChange={set('toTeamId')}
        />
      ) : (
        <>
          <TextField id={`${id}-date`} label="Last day" type="date" value={d.leavingDate} error={errors.leavingDate} onInput={set('leavingDate')} />
          <SelectField id={`${id}-reason`} label="Main reason" value={d.reason} prompt="Choose…" choices={choicesOf(LEAVER_REASONS, LEAVER_REASON_LABELS)} error={errors.reason} onChange={set('reason')} />
          <SelectField id={`${id}-cover`} label="Post covered after" value={d.cover} choices={[{ value: 'vacant', label: 'Vacant' }, { value: 'agency', label: 'By an agency' }]} onChange={set('cover')} />
          {d.cover === 'agency' && <TextField id={`${id}-agency`} label="Agency" value={d.agencyName} error={errors.agencyName} onInput={set('agencyName')} />}
        </>
      )}
      <FormActions submit={internal ? 'Request the transfer' : 'Record leaver'} onCancel={() => props.onDone(null)} error={errors.form} />
    </form>
  );
}

type Open = { postId: string; form: 'holder' | 'leaver' } | null;

function TeamStaff(props: { team: Team; lines: PostLine[]; canAct: boolean; editHolders: boolean; data: RetentionData }) {
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (m: string | null) => {
    setOpen(null);
    if (m) setMessage(m);
  };
  async function recruit(line: PostLine) {
    const saved = await applyChanges(recruitChanges(line.post, props.team, uuidv7()));
    if (!saved.ok) return setError(Object.values(saved.errors).join('; '));
    setError(null);
    setMessage(`Draft vacancy "${ROLE_LABELS[line.post.role]}, ${props.team.name}" created for this post: a coordinator opens it (Teams and vacancies).`);
  }
  return (
    <section aria-label={props.team.name} data-testid={`staff-team-${props.team.id}`}>
      <h2>{props.team.name}</h2>
      {message && (
        <p role="status" class="status-green" data-testid="staff-message">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" class="status-red">
          {error}
        </p>
      )}
      <table class="admin-table">
        <TableHead headers={['Role', 'FTE', 'Cover', 'Holder', 'Started', 'Recruitment', 'Actions']} />
        <tbody>
          {props.lines.map((line) => {
            const { post, holder } = line;
            const what = `${ROLE_LABELS[post.role]} post`;
            return (
              <RowWithForm
                key={post.id}
                columns={7}
                form={open?.postId === post.id && (open.form === 'holder' ? <HolderForm line={line} onDone={done} /> : <LeaverForm line={line} teams={props.data.teams} today={props.data.asOf} onDone={done} />)}
              >
                <tr data-testid={`staff-post-${post.id}`}>
                  <td>{ROLE_LABELS[post.role]}</td>
                  <td>{post.fte}</td>
                  <td data-testid="post-cover">{COVER_LABELS[post.cover]}</td>
                  <td data-testid="post-holder">
                    {holder ? staffName(holder) : <span class="muted">nobody</span>}
                    {line.leaving && <span class="status-amber"> · leaving {line.leaving.leavingDate}</span>}
                  </td>
                  <td>{holder?.startDate ?? ''}</td>
                  <td>{line.recruitment ? `${line.recruitment.title} (${line.recruitment.status})` : ''}</td>
                  <td>
                    {props.editHolders && (
                      <button type="button" onClick={() => setOpen({ postId: post.id, form: 'holder' })}>
                        {holder ? 'Edit holder' : 'Add holder'}
                        <span class="visually-hidden"> of this {what}</span>
                      </button>
                    )}{' '}
                    {props.canAct && holder && !line.leaving && (
                      <RowButton label="Record a leaver" hidden={`: ${holder.name}`} onClick={() => setOpen({ postId: post.id, form: 'leaver' })} />
                    )}{' '}
                    {props.canAct && offersRecruitment(line) && (
                      <button type="button" onClick={() => void recruit(line)}>
                        Recruit to this post<span class="visually-hidden"> ({what})</span>
                      </button>
                    )}
                  </td>
                </tr>
              </RowWithForm>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Who holds each post, leavers recorded against it (freeing it), and "recruit to this post". */
export function StaffPage() {
  const data = useRetentionData();
  const [teamId, setTeamId] = useState('');
  if (!data) return <p>Loading staff…</p>;
  const teams = staffOnPosts(data, data.asOf).filter((t) => !teamId || t.team.id === teamId);
  const editHolders = canEditHolders(data.role);
  return (
    <div>
      <h1>Staff and leavers</h1>
      <p class="muted">
        A post's permanent holder, kept minimal. Recording a leaver frees the post and offers an exit interview; an internal move is a transfer, not a leaver.
      </p>
      <div class="filters">
        <ChoiceSelect id="staff-team" label="Team" allLabel="All teams" value={teamId} choices={data.teams.map((t) => ({ value: t.id, label: t.name }))} onChange={(v) => setTeamId(v ?? '')} />
      </div>
      {teams.map((t) => (
        <TeamStaff key={t.team.id} team={t.team} lines={t.lines} canAct={t.canAct} editHolders={editHolders} data={data} />
      ))}
    </div>
  );
}
