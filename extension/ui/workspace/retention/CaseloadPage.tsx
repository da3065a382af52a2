import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { TableHead } from '@/ui/common/DataTable';
import { FormActions } from '../admin/Field';
import '../admin/admin.css';
import { isRecordEditor } from './access';
import { caseloadChanges, caseloadGrid } from './caseloadModel';
import type { RetentionData } from './data';
import { NumberField, useDraft } from './fields';
import { useRetentionData } from './useRetentionData';
import { RowButton, RowWithForm } from './RowWithForm';
import { savePlanned } from './writes';

function WeekForm(props: { data: RetentionData; teamId: string; teamName: string; week: string; fte: number; onDone: () => void }) {
  const current = props.data.caseloadWeeks.find((w) => w.teamId === props.teamId && w.weekStart === props.week);
  const { d, errors, setErrors, set } = useDraft({ casesHeld: current ? String(current.casesHeld) : '', fteHoldingCases: String(current?.fteHoldingCases ?? props.fte) });
  const id = `caseload-${props.teamId}`;
  async function submit(e: Event) {
    e.preventDefault();
    await savePlanned(caseloadChanges(props.data.caseloadWeeks, props.teamId, props.week, d, props.data.userId, uuidv7), setErrors, props.onDone);
  }
  return (
    <form class="admin-form" aria-label={`${props.teamName}: caseload for the week of ${props.week}`} noValidate onSubmit={submit}>
      <NumberField id={`${id}-cases`} label="Cases held" step="1" value={d.casesHeld} error={errors.casesHeld} onInput={set('casesHeld')} />
      <NumberField id={`${id}-fte`} label="FTE holding cases (establishment shows)" step="0.1" value={d.fteHoldingCases} error={errors.fteHoldingCases} onInput={set('fteHoldingCases')} />
      <FormActions submit="Confirm this week's caseload" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

/** Caseload per team per week (cases held ÷ FTE holding cases) against the council's limit. */
export function CaseloadPage() {
  const data = useRetentionData();
  const [open, setOpen] = useState<string | null>(null);
  if (!data) return <p>Loading caseloads…</p>;
  const grid = caseloadGrid(data, data.settings.caseloadLimit, data.asOf);
  const thisWeek = grid.weeks.at(-1)!;
  const edit = isRecordEditor(data.role);
  const shown = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
  return (
    <div>
      <h1>Caseload</h1>
      <p>
        Cases held ÷ FTE holding cases, per team per week, against the council's limit of <strong data-testid="caseload-limit">{grid.limit}</strong> (England's average was 16.0 in 2023).
      </p>
      <table class="admin-table" data-testid="caseload-grid">
        <TableHead headers={['Team', ...grid.weeks.map((w) => `w/c ${w.slice(5)}`), 'Actions']} />
        <tbody>
          {grid.teams.map(({ team, cells, establishmentFte }) => (
            <RowWithForm key={team.id} columns={grid.weeks.length + 2} form={open === team.id && <WeekForm data={data} teamId={team.id} teamName={team.name} week={thisWeek} fte={establishmentFte} onDone={() => setOpen(null)} />}>
              <tr data-testid={`caseload-${team.id}`}>
                <th scope="row">{team.name}</th>
                {cells.map((c, i) => (
                  <td key={grid.weeks[i]} class={c?.overLimit ? 'status-red' : ''} title={c ? `${c.casesHeld} cases, ${c.fteHoldingCases} FTE` : undefined}>
                    {shown(c?.caseload)}
                    {c?.overLimit && <span class="visually-hidden"> over the limit</span>}
                  </td>
                ))}
                <td>
                  {edit && <RowButton label="This week" hidden={`'s caseload of ${team.name}`} onClick={() => setOpen(team.id)} />}
                </td>
              </tr>
            </RowWithForm>
          ))}
          <tr>
            <th scope="row">All teams</th>
            {grid.totals.map((t, i) => (
              <td key={grid.weeks[i]} class={t !== null && t > grid.limit ? 'status-red' : ''}>
                <strong>{shown(t)}</strong>
              </td>
            ))}
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
