import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { formatDay, mondayOf } from '#shared/calendar';
import { candidateName } from '#shared/names';
import { assignApplication } from '#shared/rota';
import { DUTIES, type Duty, type RotaSlot } from '#shared/schema/index';
import { nameOf } from '@/db/people';
import { deleteRecord, upsertRecord } from '@/db/writes';
import { TableHead } from '@/ui/common/DataTable';
import { choicesOf, Options } from '@/ui/common/Options';
import type { CentralData } from './data';
import { rotaWeeks, scopeFields, swapManagers } from './rotaModel';
import { useCentralData } from './useCentralData';

const DUTY_LABEL: Record<Duty, string> = { shortlisting: 'Shortlisting', interviewing: 'Interviewing' };

function scopeOf(slot: RotaSlot, data: CentralData): string {
  if (slot.vacancyId) return data.vacancies.find((v) => v.id === slot.vacancyId)?.title ?? 'a vacancy';
  if (slot.teamId) return data.teams.find((t) => t.id === slot.teamId)?.name ?? 'a team';
  return 'whole council';
}

function AddSlot(props: { week: string; data: CentralData }) {
  const managers = props.data.people.filter((p) => p.role === 'manager' && p.active);
  const openVacancies = props.data.vacancies.filter((v) => v.status === 'open');
  const [managerId, setManagerId] = useState('');
  const [duty, setDuty] = useState<Duty>('shortlisting');
  const [scope, setScope] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function add(e: Event) {
    e.preventDefault();
    try {
      await upsertRecord('rota_slots', uuidv7(), { week: props.week, duty, managerId, ...scopeFields(scope) });
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  const id = (k: string) => `add-${k}-${props.week}`;
  return (
    <form class="filters" onSubmit={add} aria-label={`Add to the rota for the week of ${props.week}`}>
      <span class="field">
        <label for={id('m')}>Manager</label>
        <select id={id('m')} required value={managerId} onChange={(e) => setManagerId(e.currentTarget.value)}>
          <option value="">Choose…</option>
          <Options choices={managers.map((m) => ({ value: m.id, label: m.name }))} />
        </select>
      </span>
      <span class="field">
        <label for={id('d')}>Duty</label>
        <select id={id('d')} value={duty} onChange={(e) => setDuty(e.currentTarget.value as Duty)}>
          <Options choices={choicesOf(DUTIES, DUTY_LABEL)} />
        </select>
      </span>
      <span class="field">
        <label for={id('t')}>For</label>
        <select id={id('t')} value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="">Whole council</option>
          <optgroup label="Team">
            <Options choices={props.data.teams.map((t) => ({ value: `team:${t.id}`, label: t.name }))} />
          </optgroup>
          {openVacancies.length > 0 && (
            <optgroup label="Vacancy">
              <Options choices={openVacancies.map((v) => ({ value: `vacancy:${v.id}`, label: v.title }))} />
            </optgroup>
          )}
        </select>
      </span>
      <button type="submit">Add</button>
      {error && (
        <span role="alert" class="status-red">
          {error}
        </span>
      )}
    </form>
  );
}

function SlotItem(props: { slot: RotaSlot; others: RotaSlot[]; data: CentralData }) {
  const { slot, data } = props;
  const [swapWith, setSwapWith] = useState('');
  async function swap() {
    const other = props.others.find((o) => o.id === swapWith);
    if (!other) return;
    for (const w of swapManagers(slot, other)) await upsertRecord('rota_slots', w.id, { managerId: w.managerId });
    setSwapWith('');
  }
  return (
    <li data-testid={`slot-${slot.id}`} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 6px', marginBottom: '4px' }}>
      {/* Name on its own line, the actions below it: every slot lines up the same way. */}
      <span style={{ flexBasis: '100%' }}>
        <strong>{nameOf(data.people, slot.managerId)}</strong> <span class="muted">({scopeOf(slot, data)})</span>
      </span>
      <button type="button" onClick={() => deleteRecord('rota_slots', slot.id)} aria-label={`Remove ${nameOf(data.people, slot.managerId)} from ${slot.duty} duty`}>
        Remove
      </button>{' '}
      {props.others.length > 0 && (
        <>
          <label>
            <span class="visually-hidden">Swap with</span>
            <select value={swapWith} style={{ maxWidth: '11em' }} onChange={(e) => setSwapWith(e.currentTarget.value)}>
              <option value="">Swap with…</option>
              <Options choices={props.others.map((o) => ({ value: o.id, label: `${nameOf(data.people, o.managerId)} (${o.duty}, ${scopeOf(o, data)})` }))} />
            </select>
          </label>{' '}
          <button type="button" disabled={!swapWith} onClick={swap}>
            Swap
          </button>
        </>
      )}
    </li>
  );
}

/** The shortlisting and interviewing rota by week, and who this week's new applications go to. */
export function RotaPage() {
  const data = useCentralData();
  const [before, setBefore] = useState(0);
  if (!data) return <p>Loading the rota…</p>;
  const weeks = rotaWeeks(data.slots, data.asOf, before, 8);
  const thisWeek = mondayOf(data.asOf);
  const unassigned = data.applications.filter((a) => !a.assignedTo && !a.erased && a.receivedDate >= thisWeek);
  const vacancies = new Map(data.vacancies.map((v) => [v.id, v]));
  const proposals = unassigned.flatMap((a) => {
    const v = vacancies.get(a.vacancyId);
    const to = v ? assignApplication(a, v, data.slots, data.asOf) : null;
    return to ? [{ application: a, to }] : [];
  });
  async function assignAll() {
    for (const p of proposals) await upsertRecord('applications', p.application.id, { assignedTo: p.to });
  }
  return (
    <div>
      <h1>Rota</h1>
      <p>
        <button type="button" onClick={() => setBefore(before + 4)}>
          Show 4 earlier weeks
        </button>
      </p>
      <table aria-label="Rota by week">
        <TableHead headers={['Week of', ...DUTIES.map((d) => DUTY_LABEL[d])]} />
        <tbody>
          {weeks.map((w) => {
            const all = [...w.byDuty.shortlisting, ...w.byDuty.interviewing];
            return (
              <tr key={w.week} data-testid={`week-${w.week}`}>
                <th scope="row">
                  {formatDay(w.week)}
                  {w.noShortlister && <p class="status-red">Nobody on shortlisting duty</p>}
                  <AddSlot week={w.week} data={data} />
                </th>
                {DUTIES.map((d) => (
                  <td key={d}>
                    <ul>
                      {w.byDuty[d].map((s) => (
                        <SlotItem key={s.id} slot={s} others={all.filter((o) => o.id !== s.id)} data={data} />
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>This week's new applications</h2>
      {proposals.length === 0 ? (
        <p>Every application received this week has a manager.</p>
      ) : (
        <>
          <ul>
            {proposals.map((p) => (
              <li key={p.application.id}>
                {candidateName(p.application)} → {nameOf(data.people, p.to)}
              </li>
            ))}
          </ul>
          <button type="button" class="primary" onClick={assignAll}>
            Assign these {proposals.length} to the manager on duty
          </button>
        </>
      )}
    </div>
  );
}
