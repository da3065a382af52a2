import { useState } from 'preact/hooks';
import { uuidv7 } from 'uuidv7';
import { STAY_HOLDER_ROLE_LABELS, STAY_HOLDER_ROLES, type StayConversation } from '#shared/schema/index';
import { holderOf } from '#shared/staff/index';
import { TableHead } from '@/ui/common/DataTable';
import { choicesOf } from '@/ui/common/Options';
import { describedBy, Field, FormActions, TextField } from '../admin/Field';
import '../admin/admin.css';
import type { RetentionData } from './data';
import { SelectField, ThemeChecks, useDraft } from './fields';
import { STAY_OUTCOME_CHOICES, STAY_OUTCOME_LABELS, stayChanges, stayDraft, stayLines } from './stayModel';
import { useRetentionData } from './useRetentionData';
import { savePlanned } from './writes';

function StayForm(props: { data: RetentionData; conversation: StayConversation | null; onDone: () => void }) {
  const { data } = props;
  const { d, setD, errors, setErrors, set } = useDraft(() => stayDraft(props.conversation, data.asOf));
  async function submit(e: Event) {
    e.preventDefault();
    await savePlanned(stayChanges(props.conversation?.id ?? uuidv7(), d, props.conversation?.heldBy ?? data.userId), setErrors, props.onDone);
  }
  const inPost = data.staff.filter((s) => holderOf(s.postId, data.staff, data.leavers, data.asOf)?.id === s.id || s.id === d.staffId);
  return (
    <form class="admin-form" aria-label={props.conversation ? 'Edit the Stay conversation' : 'Record a Stay conversation'} noValidate onSubmit={submit}>
      <SelectField id="stay-person" autoFocus label="With" value={d.staffId} prompt="Choose…" choices={inPost.map((s) => ({ value: s.id, label: s.name }))} error={errors.staffId} onChange={set('staffId')} />
      <SelectField id="stay-role" label="You held it as" value={d.holderRole} prompt="Choose…" choices={choicesOf(STAY_HOLDER_ROLES, STAY_HOLDER_ROLE_LABELS)} error={errors.holderRole} onChange={set('holderRole')} />
      <TextField id="stay-held" label="Held on" type="date" value={d.heldOn} error={errors.heldOn} onInput={set('heldOn')} />
      <SelectField id="stay-outcome" label="Outcome" value={d.outcome} choices={STAY_OUTCOME_CHOICES} error={errors.outcome} onChange={set('outcome')} />
      <ThemeChecks id="stay-themes" legend="Themes" themes={[...new Set([...data.settings.exitThemes, ...d.themes])]} value={d.themes} error={errors.themes} onChange={(t) => setD({ ...d, themes: t })} />
      <Field id="stay-notes" label="Notes (you and admins only)" error={errors.notes} class="wide">
        <textarea id="stay-notes" rows={3} value={d.notes} onInput={set('notes')} {...describedBy('stay-notes', errors.notes)} />
      </Field>
      <FormActions submit="Save Stay conversation" onCancel={props.onDone} error={errors.form} />
    </form>
  );
}

/** Confidential Stay conversations: whom each was with is for its holder and admins; everyone else sees outcomes and themes. */
export function StayPage() {
  const data = useRetentionData();
  const [open, setOpen] = useState<string | 'new' | null>(null);
  if (!data) return <p>Loading Stay conversations…</p>;
  const lines = stayLines(data.stayConversations, data.staff, data.userId, data.role);
  const editing = open && open !== 'new' ? (data.stayConversations.find((c) => c.id === open) ?? null) : null;
  return (
    <div>
      <h1>Stay conversations</h1>
      <p class="muted">For anyone thinking of leaving, held by the principal social worker or an HR business partner. Whom it was with is seen only by the holder and admins.</p>
      {open === null && (
        <button type="button" onClick={() => setOpen('new')}>
          Record a Stay conversation
        </button>
      )}
      {open !== null && <StayForm key={open} data={data} conversation={editing} onDone={() => setOpen(null)} />}
      <table class="admin-table" data-testid="stay-list">
        <TableHead headers={['With', 'Held', 'Held as', 'Outcome', 'Themes', 'Actions']} />
        <tbody>
          {lines.map((l) =>
            l.visible ? (
              <tr key={l.id} data-testid={`stay-${l.id}`}>
                <td>{l.person}</td>
                <td>{l.heldOn}</td>
                <td>{STAY_HOLDER_ROLE_LABELS[l.holderRole]}</td>
                <td>{STAY_OUTCOME_LABELS[l.outcome]}</td>
                <td>{l.themes.join(', ')}</td>
                <td>
                  <button type="button" onClick={() => setOpen(l.id)}>
                    Edit<span class="visually-hidden"> the Stay conversation with {l.person}</span>
                  </button>
                </td>
              </tr>
            ) : (
              <tr key={l.id} data-testid={`stay-${l.id}`}>
                <td class="muted">confidential</td>
                <td>{l.quarter}</td>
                <td />
                <td>{STAY_OUTCOME_LABELS[l.outcome]}</td>
                <td>{l.themes.join(', ')}</td>
                <td />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
