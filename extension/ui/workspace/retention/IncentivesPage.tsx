import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { CLAWBACK_BASES, INCENTIVE_KIND_LABELS, INCENTIVE_KINDS } from '#shared/schema/index';
import { DataTable, type TableColumn } from '@/ui/common/DataTable';
import { choicesOf } from '@/ui/common/Options';
import { FormActions, TextField } from '../admin/Field';
import '../admin/admin.css';
import type { RetentionData } from './data';
import { NumberField, SelectField, useDraft } from './fields';
import { BASIS_LABELS, incentiveChanges, incentiveDraft, incentiveLists, money, type IncentiveLists } from './incentivesModel';
import { useRetentionData } from './useRetentionData';
import { savePlanned } from './writes';
import { staffName } from '#shared/names';

const REFERRAL_STATUS = { not_started: 'Referred hire not started', waiting: 'In probation', due: 'Due', paid: 'Paid', lapsed: 'Lapsed (left in probation)' } as const;

/** The tables' columns, header and cell. */
const CLAWBACK_COLUMNS: ReadonlyArray<TableColumn<IncentiveLists['clawbacks'][number]>> = [
  { header: 'Person', cell: (c) => c.name },
  { header: 'Incentive', cell: (c) => INCENTIVE_KIND_LABELS[c.kind] },
  { header: 'Payments clawed back', cell: (c) => c.payments.map((p) => `${money(p.amount)} paid ${p.paidOn} (clear from ${p.clearOn})`).join('; ') },
  { header: 'Would repay', cell: (c) => money(c.total) },
];
const DUE_REWARD_COLUMNS: ReadonlyArray<TableColumn<IncentiveLists['due'][number]>> = [
  { header: 'Referrer', cell: (r) => r.referrer },
  { header: 'Referred hire', cell: (r) => r.hire },
  { header: 'Passed probation', cell: (r) => r.dueOn ?? '' },
  { header: 'Reward', cell: (r) => money(r.amount) },
];
const incentiveColumns = (referralStatus: (incentiveId: string) => string): ReadonlyArray<TableColumn<IncentiveLists['incentives'][number]>> => [
  { header: 'Person', cell: (r) => r.name },
  { header: 'Kind', cell: (r) => INCENTIVE_KIND_LABELS[r.incentive.kind] },
  { header: 'Amount', cell: (r) => money(r.incentive.amount) },
  { header: 'Paid on', cell: (r) => r.incentive.paidOn.join(', ') },
  { header: 'Clawback', cell: (r) => (r.incentive.clawbackMonths ? `${r.incentive.clawbackMonths} months, ${BASIS_LABELS[r.incentive.clawbackBasis].toLowerCase()}` : 'none') },
  { header: 'Referral reward', cell: (r) => referralStatus(r.incentive.id) },
];

function IncentiveForm(props: { data: RetentionData; onDone: () => void }) {
  const { data } = props;
  const { d, errors, setErrors, set } = useDraft(() => incentiveDraft());
  async function submit(e: Event) {
    e.preventDefault();
    await savePlanned(incentiveChanges(uuidv7(), d), setErrors, props.onDone);
  }
  const referred = data.applications.filter((a) => a.source === 'referral' && a.name);
  return (
    <form class="admin-form" aria-label="Add an incentive" noValidate onSubmit={submit}>
      <SelectField id="inc-kind" autoFocus label="Kind" value={d.kind} choices={choicesOf(INCENTIVE_KINDS, INCENTIVE_KIND_LABELS)} error={errors.kind} onChange={set('kind')} />
      <SelectField
        id="inc-person"
        label={d.kind === 'refer_a_friend' ? 'Referred by' : 'Paid to'}
        value={d.staffId}
        prompt="Choose…"
        choices={data.staff.map((s) => ({ value: s.id, label: staffName(s) }))}
        error={errors.staffId}
        onChange={set('staffId')}
      />
      {d.kind === 'refer_a_friend' && (
        <SelectField id="inc-referred" label="Person referred (application)" value={d.referredApplicationId} prompt="Choose…" choices={referred.map((a) => ({ value: a.id, label: a.name! }))} error={errors.referredApplicationId} onChange={set('referredApplicationId')} />
      )}
      <NumberField id="inc-amount" label="Amount (£, each payment)" value={d.amount} error={errors.amount} onInput={set('amount')} />
      <TextField id="inc-paid" label="Paid on (dates, comma-separated)" value={d.paidOn} error={errors.paidOn} onInput={set('paidOn')} />
      <NumberField id="inc-months" label="Clawback period (months after each payment)" value={d.clawbackMonths} step="1" error={errors.clawbackMonths} onInput={set('clawbackMonths')} />
      <SelectField id="inc-basis" label="If they leave within it" value={d.clawbackBasis} choices={choicesOf(CLAWBACK_BASES, BASIS_LABELS)} error={errors.clawbackBasis} onChange={set('clawbackBasis')} />
      <FormActions submit="Save incentive" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

/** Golden hellos, retention payments and refer-a-friend rewards: what would be clawed back today, and which rewards are due. */
export function IncentivesPage() {
  const data = useRetentionData();
  const [adding, setAdding] = useState(false);
  if (!data) return <p>Loading incentives…</p>;
  const lists = incentiveLists(data, data.settings.probationMonths, data.asOf);
  const referralStatus = (id: string) => {
    const reward = [...lists.due, ...lists.referrals].find((x) => x.incentiveId === id);
    return reward ? REFERRAL_STATUS[reward.status] : '';
  };
  return (
    <div>
      <h1>Incentives</h1>
      {adding ? (
        <IncentiveForm data={data} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add an incentive
        </button>
      )}
      <h2>Clawbacks that would apply if this person left today</h2>
      <DataTable label="Clawbacks if they left today" testId="clawbacks" rows={lists.clawbacks} rowKey={(c) => c.incentiveId} columns={CLAWBACK_COLUMNS} />
      <h2>Referral rewards due</h2>
      {lists.due.length === 0 && <p class="muted">None due today.</p>}
      <DataTable label="Referral rewards due" testId="referrals-due" rows={lists.due} rowKey={(r) => r.incentiveId} columns={DUE_REWARD_COLUMNS} />
      <h2>All incentives</h2>
      <DataTable label="All incentives" testId="incentives" rows={lists.incentives} rowKey={(r) => r.incentive.id} columns={incentiveColumns(referralStatus)} />
    </div>
  );
}
