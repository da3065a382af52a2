import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { LEAVER_DESTINATION_LABELS, LEAVER_REASON_LABELS } from '#shared/schema/index';
import { TableHead } from '@/ui/common/DataTable';
import { Field, FormActions, TextField, describedBy } from '../admin/Field';
import '../admin/admin.css';
import { INTERVIEW_OUTSIDE_SCOPE, interviewChanges, interviewDraft, leaverLines, OUTCOME_CHOICES, OUTCOME_LABELS, type LeaverLine } from './exitInterviewsModel';
import { SelectField, ThemeChecks, useDraft } from './fields';
import { useRetentionData } from './useRetentionData';
import { RowButton, RowWithForm } from './RowWithForm';
import { savePlanned } from './writes';

function InterviewForm(props: { line: LeaverLine; themes: readonly string[]; today: string; onDone: () => void }) {
  const { line } = props;
  const { d, setD, errors, setErrors, set } = useDraft(() => interviewDraft(line.interview, props.today));
  const id = `exit-${line.leaver.id}`;
  async function submit(e: Event) {
    e.preventDefault();
    await savePlanned(interviewChanges(line.leaver.id, line.interview?.id ?? uuidv7(), d), setErrors, props.onDone);
  }
  // Themes the council has since taken off its list stay visible on interviews that carry them.
  const themes = [...new Set([...props.themes, ...d.themes])];
  return (
    <form class="admin-form" aria-label={`Exit interview of ${line.name}`} noValidate onSubmit={submit}>
      <SelectField id={`${id}-outcome`} autoFocus label="Outcome" value={d.outcome} choices={OUTCOME_CHOICES} error={errors.outcome} onChange={set('outcome')} />
      <TextField id={`${id}-offered`} label="Offered on" type="date" value={d.offeredOn} error={errors.offeredOn} onInput={set('offeredOn')} />
      {d.outcome === 'held' && <TextField id={`${id}-held`} label="Held on" type="date" value={d.heldOn} error={errors.heldOn} onInput={set('heldOn')} />}
      <TextField id={`${id}-with`} label="With whom (the colleague they chose)" value={d.heldWith} error={errors.heldWith} onInput={set('heldWith')} />
      {d.outcome === 'held' && <ThemeChecks id={`${id}-themes`} legend="Themes" themes={themes} value={d.themes} error={errors.themes} onChange={(t) => setD({ ...d, themes: t })} />}
      <Field id={`${id}-notes`} label="Notes (never in reports)" error={errors.notes} class="wide">
        <textarea id={`${id}-notes`} rows={3} value={d.notes} onInput={set('notes')} {...describedBy(`${id}-notes`, errors.notes)} />
      </Field>
      <FormActions submit="Save exit interview" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

/** Every leaver's exit interview: offered, held or declined, with whom, and the council's themes. */
export function ExitInterviewsPage() {
  const data = useRetentionData();
  const [open, setOpen] = useState<string | null>(null);
  if (!data) return <p>Loading leavers…</p>;
  const lines = leaverLines(data);
  return (
    <div>
      <h1>Exit interviews</h1>
      <p class="muted">Every leaver is offered one, with a colleague of their choosing. Themes are counted per quarter in the reports; notes stay here.</p>
      {lines.length === 0 && <p>No leavers recorded yet.</p>}
      <table class="admin-table">
        <TableHead headers={['Leaver', 'Team', 'Last day', 'Reason', 'Destination', 'Interview', 'Themes', 'Actions']} />
        <tbody>
          {lines.map((line) => (
            <RowWithForm key={line.leaver.id} columns={8} form={open === line.leaver.id && <InterviewForm line={line} themes={data.settings.exitThemes} today={data.asOf} onDone={() => setOpen(null)} />}>
              <tr data-testid={`exit-${line.leaver.id}`}>
                <td>{line.name}</td>
                <td>{line.team?.name ?? ''}</td>
                <td>{line.leaver.leavingDate}</td>
                <td>{LEAVER_REASON_LABELS[line.leaver.reason]}</td>
                <td>{LEAVER_DESTINATION_LABELS[line.leaver.destination]}</td>
                <td>
                  {line.interview ? OUTCOME_LABELS[line.interview.outcome] : 'Not offered yet'}
                  {line.interview?.heldOn ? ` ${line.interview.heldOn}` : ''}
                  {line.interview?.heldWith ? `, with ${line.interview.heldWith}` : ''}
                  {line.outsideScope && ` (${INTERVIEW_OUTSIDE_SCOPE})`}
                </td>
                <td>{line.interview?.themes.join(', ')}</td>
                <td>
                  {line.canEdit && <RowButton label="Record interview" hidden={` of ${line.name}`} onClick={() => setOpen(line.leaver.id)} />}
                </td>
              </tr>
            </RowWithForm>
          ))}
        </tbody>
      </table>
    </div>
  );
}
