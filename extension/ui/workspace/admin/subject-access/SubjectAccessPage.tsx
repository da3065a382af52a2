import { useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { subjectAccessQuery, type SubjectAccessResponse } from '#shared/api/index';
import { choicesOf, Options } from '@/ui/common/Options';
import { datedName, saveCsv, saveFile } from '@/ui/csv/saveFile';
import { useSignedIn } from '../../daily/useSignedIn';
import { adminApi, type SubjectKey } from '../api';
import { useAuditRecords } from '../audit/useAuditRecords';
import { describedBy, Field, FormError } from '../Field';
import { ErasurePanel } from './ErasurePanel';
import { HeldApplicationView } from './HeldApplicationView';
import { HeldStaffView } from './HeldStaffView';
import { heldStaff } from './staffModel';
import { erasurePlan, heldApplications, heldWords } from './subjectAccessModel';
import '../admin.css';

const KEYS: readonly SubjectKey[] = ['email', 'reference', 'name'];
const KEY_LABELS: Record<SubjectKey, string> = { email: 'Email', reference: 'ATS reference', name: 'Full name' };
const KEY_HINTS: Record<SubjectKey, string> = {
  email: 'The whole address, any case.',
  reference: 'The reference in the council’s applicant tracking system.',
  name: 'The whole name as the candidate gave it (any case), when neither email nor reference is known. Also finds a member of staff by the name on their staff record.',
};

/** The value checked before asking: the server's own rules, and an email that looks like one. */
function problemOf(key: SubjectKey, value: string): string | undefined {
  if (key === 'email' && !z.email().safeParse(value.trim()).success) return 'must be an email address, like ben.francis@example.org';
  const parsed = subjectAccessQuery.safeParse({ [key]: value });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

interface Found {
  key: SubjectKey;
  value: string;
  body: SubjectAccessResponse;
}

/** Admin: find a person, see and export everything held about them, erase them, and watch the erasure reach every browser. */
export function SubjectAccessPage() {
  const { session } = useSignedIn();
  const records = useAuditRecords();
  const [key, setKey] = useState<SubjectKey>('email');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | null>(null);
  const [erasedNow, setErasedNow] = useState<ReadonlySet<string>>(new Set());
  const [exportNote, setExportNote] = useState<string | null>(null);

  async function find(e: Event) {
    e.preventDefault();
    const problem = problemOf(key, value);
    setError(problem);
    setFormError(undefined);
    if (problem) return;
    setBusy(true);
    try {
      setFound({ key, value: value.trim(), body: await adminApi.subjectAccess(key, value.trim()) });
      setErasedNow(new Set());
      setExportNote(null);
    } catch (err) {
      setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function downloadCsv(f: Found) {
    try {
      saveCsv(datedName('subject-access', 'csv'), await adminApi.subjectAccessCsv(f.key, f.value));
      setExportNote('Saved the CSV (the request is in the audit trail).');
    } catch (err) {
      setExportNote(`Could not export: ${(err as Error).message}`);
    }
  }
  const downloadJson = (f: Found) => {
    saveFile(datedName('subject-access', 'json'), [JSON.stringify(f.body, null, 2)], 'application/json');
    setExportNote('Saved the JSON.');
  };

  if (!records) return <p>Loading…</p>;
  const titles = new Map([...records.vacancies.values()].map((v) => [v.id, v.title]));
  const held = found ? heldApplications(found.body, titles) : [];
  const staff = found ? heldStaff(found.body) : [];
  const anything = held.length + staff.length > 0;
  const council = session?.me.organisation.name ?? 'the council';
  return (
    <section aria-labelledby="sar-title">
      <h1 id="sar-title">Erasure and subject access</h1>
      <p class="summary">
        Find a person to see everything Shortlist holds about them, export it for a subject-access request, or erase them everywhere. Every search is recorded
        in the audit trail (by which key, never the value).
      </p>
      <form class="admin-form" aria-label="Find a person" noValidate onSubmit={find}>
        <Field id="sar-key" label="Find by">
          <select id="sar-key" value={key} onChange={(e) => setKey(e.currentTarget.value as SubjectKey)}>
            <Options choices={choicesOf(KEYS, KEY_LABELS)} />
          </select>
        </Field>
        <Field id="sar-value" label={KEY_LABELS[key]} error={error} hint={KEY_HINTS[key]} class="wide-2">
          <input id="sar-value" inputMode={key === 'email' ? 'email' : 'text'} value={value} onInput={(e) => setValue(e.currentTarget.value)} autoComplete="off" {...describedBy('sar-value', error, true)} />
        </Field>
        <span class="actions">
          <button type="submit" class="primary" disabled={busy}>
            Find
          </button>
          <FormError error={formError} />
        </span>
      </form>
      {found && (
        <section aria-labelledby="held-title">
          <div class="page-head admin-head">
            <h2 id="held-title">{anything ? `What is held: ${heldWords(held.length, staff.length)}` : 'Nothing is held'}</h2>
            {/* Once erased, what the page still has in memory from before is not offered for download. */}
            {anything && erasedNow.size === 0 && (
              <span>
                <button type="button" onClick={() => downloadJson(found)}>
                  Download JSON
                </button>{' '}
                <button type="button" onClick={() => void downloadCsv(found)}>
                  Download CSV
                </button>{' '}
                {exportNote && <span role="status">{exportNote}</span>}
              </span>
            )}
          </div>
          {!anything && <p role="status">No application {found.key === 'name' ? 'or staff record ' : ''}matches that {KEY_LABELS[found.key].toLowerCase()} exactly. Try another key: a name must be whole.</p>}
          {held.map((a) => (
            <HeldApplicationView key={a.id} held={a} records={records} erasedNow={erasedNow.has(a.id)} />
          ))}
          {staff.map((s) => (
            <HeldStaffView key={s.id} held={s} erasedNow={erasedNow.has(s.id)} />
          ))}
          {anything && (
            <>
              <h2>Erase</h2>
              <ErasurePanel key={found.body.generatedAt} plan={erasurePlan(held, council, staff)} onErased={(ids) => setErasedNow(new Set(ids))} />
            </>
          )}
        </section>
      )}
    </section>
  );
}
