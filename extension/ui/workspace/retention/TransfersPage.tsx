import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { ROLE_LABELS } from '#shared/schema/index';
import { transfers as transferMeasure } from '#shared/measures/index';
import { TableHead } from '@/ui/common/DataTable';
import { FormActions, FormError, TextField } from '../admin/Field';
import '../admin/admin.css';
import { days } from '../central-team/reportModel';
import type { RetentionData } from './data';
import { SelectField, useDraft } from './fields';
import { DECISION_LABELS, decisionChanges, moveChanges, requestable, requestChanges, transferLines, type TransferLine } from './transfersModel';
import { useRetentionData } from './useRetentionData';
import { RowButton, RowWithForm } from './RowWithForm';
import { applyChanges, savePlanned } from './writes';

function RequestForm(props: { data: RetentionData; onDone: () => void }) {
  const { data } = props;
  const people = requestable(data, data.asOf);
  const { d, errors, setErrors, set } = useDraft({ staffId: '', toTeamId: '', requestedOn: data.asOf });
  async function submit(e: Event) {
    e.preventDefault();
    await savePlanned(requestChanges(d, people, uuidv7), setErrors, props.onDone);
  }
  return (
    <form class="admin-form" aria-label="Request a transfer" noValidate onSubmit={submit}>
      <SelectField id="transfer-person" autoFocus label="Who" value={d.staffId} prompt="Choose…" choices={people.map((p) => ({ value: p.staff.id, label: `${p.staff.name} (${ROLE_LABELS[p.staff.role]})` }))} error={errors.staffId} onChange={set('staffId')} />
      <SelectField id="transfer-to" label="To team" value={d.toTeamId} prompt="Choose…" choices={data.teams.map((t) => ({ value: t.id, label: t.name }))} error={errors.toTeamId} onChange={set('toTeamId')} />
      <TextField id="transfer-requested" label="Asked on" type="date" value={d.requestedOn} error={errors.requestedOn} onInput={set('requestedOn')} />
      <FormActions submit="Request transfer" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

function MoveForm(props: { line: TransferLine; data: RetentionData; onDone: () => void }) {
  const { line, data } = props;
  const { d, errors, setErrors, set } = useDraft({ toPostId: line.freePosts[0]?.id ?? '', movedOn: data.asOf });
  const id = `move-${line.transfer.id}`;
  async function submit(e: Event) {
    e.preventDefault();
    await savePlanned(moveChanges(line.transfer, data.staff, data.posts, d.toPostId, d.movedOn), setErrors, props.onDone);
  }
  return (
    <form class="admin-form" aria-label={`Record ${line.name}'s move`} noValidate onSubmit={submit}>
      <SelectField id={`${id}-post`} autoFocus label="Into post" value={d.toPostId} prompt="Choose…" choices={line.freePosts.map((p) => ({ value: p.id, label: `${ROLE_LABELS[p.role]}, ${p.fte} FTE (${p.cover})` }))} error={errors.toPostId} onChange={set('toPostId')} />
      <TextField id={`${id}-date`} label="Moved on" type="date" value={d.movedOn} error={errors.movedOn} onInput={set('movedOn')} />
      <FormActions submit="Record the move" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

function Decide(props: { line: TransferLine; today: string }) {
  const [error, setError] = useState<string | undefined>();
  const decide = async (decision: 'approved' | 'declined' | 'withdrawn') => {
    const saved = await applyChanges(decisionChanges(props.line.transfer, decision, props.today));
    setError(saved.ok ? undefined : Object.values(saved.errors).join('; '));
  };
  const who = <span class="visually-hidden"> {props.line.name}'s transfer</span>;
  return (
    <>
      <button type="button" onClick={() => void decide('approved')}>
        Approve{who}
      </button>{' '}
      <button type="button" onClick={() => void decide('declined')}>
        Decline{who}
      </button>{' '}
      <button type="button" onClick={() => void decide('withdrawn')}>
        Withdrawn{who}
      </button>
      <FormError error={error} />
    </>
  );
}

/** Internal transfers under the protocol: requested, decided, moved, and how long each waited. */
export function TransfersPage() {
  const data = useRetentionData();
  const [open, setOpen] = useState<string | null>(null);
  if (!data) return <p>Loading transfers…</p>;
  const lines = transferLines(data, data.asOf);
  const waits = transferMeasure(data.transfers, {});
  const canRequest = requestable(data, data.asOf).length > 0;
  return (
    <div>
      <h1>Internal transfers</h1>
      <p data-testid="transfer-waits">
        {waits.requested} requests, {waits.moved} moved. Median wait to a decision <strong>{days(waits.daysToDecision.median)}</strong> days, to the move{' '}
        <strong>{days(waits.daysToMove.median)}</strong> days. A transfer is not a leaver.
      </p>
      {canRequest && open === null && (
        <button type="button" onClick={() => setOpen('new')}>
          Request a transfer
        </button>
      )}
      {open === 'new' && <RequestForm data={data} onDone={() => setOpen(null)} />}
      <table class="admin-table">
        <TableHead headers={['Who', 'From', 'To', 'Asked', 'Decision', 'Moved', 'Days waiting', 'Actions']} />
        <tbody>
          {lines.map((line) => (
            <RowWithForm key={line.transfer.id} columns={8} form={open === line.transfer.id && <MoveForm line={line} data={data} onDone={() => setOpen(null)} />}>
              <tr data-testid={`transfer-${line.transfer.id}`}>
                <td>{line.name}</td>
                <td>{line.from}</td>
                <td>{line.to}</td>
                <td>{line.transfer.requestedOn}</td>
                <td>
                  {DECISION_LABELS[line.transfer.decision]}
                  {line.transfer.decidedOn ? ` ${line.transfer.decidedOn}` : ''}
                </td>
                <td>{line.transfer.movedOn ?? ''}</td>
                <td>{line.waitingDays}</td>
                <td>
                  {line.canDecide && <Decide line={line} today={data.asOf} />}
                  {line.canMove && <RowButton label="Record the move" hidden={` of ${line.name}`} onClick={() => setOpen(line.transfer.id)} />}
                </td>
              </tr>
            </RowWithForm>
          ))}
        </tbody>
      </table>
    </div>
  );
}
