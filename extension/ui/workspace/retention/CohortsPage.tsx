import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { ASYE_STATUS_LABELS } from '#shared/schema/index';
import { DataTable } from '@/ui/common/DataTable';
import { FormActions, FormError, TextField } from '../admin/Field';
import '../admin/admin.css';
import { percent } from '../central-team/reportModel';
import { isRecordEditor } from './access';
import { cohortChanges, cohortDraft, cohortViews, completionChanges, joinable, joinChanges, type CohortView } from './cohortsModel';
import type { RetentionData } from './data';
import { SelectField, useDraft } from './fields';
import { useRetentionData } from './useRetentionData';
import { applyChanges } from './writes';
import { staffName } from '#shared/names';

function CohortForm(props: { onDone: () => void }) {
  const { d, setD, errors, setErrors, set } = useDraft(cohortDraft);
  async function submit(e: Event) {
    e.preventDefault();
    const saved = await applyChanges(cohortChanges(uuidv7(), d));
    if (!saved.ok) return setErrors(saved.errors);
    props.onDone();
  }
  return (
    <form class="admin-form" aria-label="Add a cohort" noValidate onSubmit={submit}>
      <TextField id="cohort-name" label="Name" value={d.name} error={errors.name} onInput={set('name')} />
      <TextField id="cohort-month" label="Start month (YYYY-MM)" value={d.startMonth} error={errors.startMonth} onInput={set('startMonth')} />
      <TextField id="cohort-programme" label="Programme" value={d.programme} error={errors.programme} onInput={set('programme')} />
      <label>
        <input type="checkbox" checked={d.isControl} onChange={(e) => setD({ ...d, isControl: e.currentTarget.checked })} /> A control group
      </label>
      <FormActions submit="Save cohort" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

function Members(props: { view: CohortView; data: RetentionData; edit: boolean }) {
  const { view, data } = props;
  const [join, setJoin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const write = async (changes: Parameters<typeof applyChanges>[0]) => {
    const saved = await applyChanges(changes);
    setError(saved.ok ? undefined : Object.values(saved.errors).join('; '));
  };
  const id = `join-${view.row.cohortId}`;
  return (
    <>
      <DataTable
        label={`Members of ${view.row.name}`}
        rows={view.members}
        rowKey={(s) => s.id}
        columns={[
          { header: 'Member', cell: (s) => staffName(s) },
          { header: 'Started', cell: (s) => s.startDate },
          { header: 'ASYE / ECF', cell: (s) => (s.asyeStatus ? ASYE_STATUS_LABELS[s.asyeStatus] : '—') + (s.asyeCompletedOn ? ` ${s.asyeCompletedOn}` : '') },
          {
            header: 'Actions',
            cell: (s) =>
              props.edit && s.asyeStatus !== 'completed' ? (
                <button type="button" onClick={() => void write(completionChanges(s.id, data.asOf))}>
                  Completed today<span class="visually-hidden"> ({staffName(s)})</span>
                </button>
              ) : (
                ''
              ),
          },
        ]}
      />
      {props.edit && (
        <form class="admin-form" aria-label={`Add a member to ${view.row.name}`} onSubmit={(e) => (e.preventDefault(), join && void write(joinChanges(join, view.row.cohortId)).then(() => setJoin('')))}>
          <SelectField id={id} label="Add a member" value={join} prompt="Choose…" choices={joinable(data.staff).map((s) => ({ value: s.id, label: staffName(s) }))} onChange={(e) => setJoin(e.currentTarget.value)} />
          <span class="actions">
            <button type="submit">Add to cohort</button>
            <FormError error={error} />
          </span>
        </form>
      )}
    </>
  );
}

/** ASYE / Early Career cohorts: members, completion at 12 months and retention at 12, 24 and 36 months, cohort against cohort. */
export function CohortsPage() {
  const data = useRetentionData();
  const [adding, setAdding] = useState(false);
  if (!data) return <p>Loading cohorts…</p>;
  const views = cohortViews(data, data.asOf);
  const edit = isRecordEditor(data.role);
  return (
    <div>
      <h1>ASYE and Early Career cohorts</h1>
      <DataTable
        label="Cohorts compared"
        testId="cohorts"
        rows={views.map((v) => v.row)}
        rowKey={(r) => r.cohortId}
        columns={[
          { header: 'Cohort', cell: (r) => `${r.name}${r.control ? ' (control)' : ''}` },
          { header: 'Programme', cell: (r) => r.programme },
          { header: 'Started', cell: (r) => r.startDate.slice(0, 7) },
          { header: 'Members', cell: (r) => r.members },
          { header: 'Completed in 12 months', cell: (r) => percent(r.completedIn12) },
          { header: 'In post at 12 months', cell: (r) => percent(r.retention[12]) },
          { header: 'at 24', cell: (r) => percent(r.retention[24]) },
          { header: 'at 36', cell: (r) => percent(r.retention[36]) },
        ]}
      />
      <p class="muted">— : the date has not come yet. Someone who moved team is still in post.</p>
      {edit && (adding ? <CohortForm onDone={() => setAdding(false)} /> : <button type="button" onClick={() => setAdding(true)}>Add a cohort</button>)}
      {views.map((v) => (
        <section key={v.row.cohortId} aria-label={v.row.name}>
          <h2>{v.row.name}</h2>
          <Members view={v} data={data} edit={edit} />
        </section>
      ))}
    </div>
  );
}
