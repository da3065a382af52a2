import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuditEntryView } from '#shared/api/index';
import { Options } from '@/ui/common/Options';
import { datedName, saveCsv } from '@/ui/csv/saveFile';
import { toCsv } from '@/ui/csv/toCsv';
import { adminApi } from '../api';
import { describedBy, Field, TextField } from '../Field';
import { auditCsvColumns } from './auditCsv';
import { auditSearch, candidatesFound, EMPTY_FILTERS, readFilters, RECORD_KINDS, recordChoices, type AuditFilterDraft, type AuditQueryParams } from './auditFilters';
import type { AuditRecords } from './auditRecords';
import { auditSentence, foldErasures } from './auditWording';
import { useAuditRecords } from './useAuditRecords';
import '../admin.css';

const PAGE = 50;
/** The export follows the pages of the filter up to this many entries (the server gives 500 a page). */
const EXPORT_PAGES = 20;
const EXPORT_PAGE = 500;

type Errors = Partial<Record<keyof AuditFilterDraft, string>>;

function Filters(props: { records: AuditRecords; onApply: (params: AuditQueryParams, found: string | null) => void }) {
  const { records } = props;
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_FILTERS);
  const [errors, setErrors] = useState<Errors>({});
  const set = (k: keyof AuditFilterDraft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [k]: e.currentTarget.value, ...(k === 'table' ? { recordId: '' } : {}) });
  const people = [...records.people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const choices = recordChoices(draft.table, records);
  function apply(e: Event) {
    e.preventDefault();
    const read = readFilters(draft, [...records.applications.values()], [...records.vacancies.values()]);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    props.onApply(read.params, read.candidates.length ? candidatesFound(read.candidates) : null);
  }
  function clear() {
    setDraft(EMPTY_FILTERS);
    setErrors({});
    props.onApply({}, null);
  }
  return (
    <form class="admin-form" aria-label="Filter the audit trail" noValidate onSubmit={apply}>
      <Field id="audit-user" label="Done by" error={errors.userId}>
        <select id="audit-user" value={draft.userId} onChange={set('userId')}>
          <option value="">Anyone</option>
          <Options choices={people.map((p) => ({ value: p.id, label: p.name }))} />
        </select>
      </Field>
      <Field id="audit-candidate" label="Candidate" error={errors.candidate} hint="Name, email or ATS reference, as this browser holds them">
        <input id="audit-candidate" type="search" value={draft.candidate} onInput={set('candidate')} {...describedBy('audit-candidate', errors.candidate, true)} />
      </Field>
      <Field id="audit-table" label="Kind of record" error={errors.table}>
        <select id="audit-table" value={draft.table} onChange={set('table')}>
          <option value="">Any</option>
          <Options choices={Object.entries(RECORD_KINDS).map(([value, label]) => ({ value, label }))} />
        </select>
      </Field>
      {!draft.table ? null : choices.length ? (
        <Field id="audit-record" label="Record" error={errors.recordId}>
          <select id="audit-record" value={draft.recordId} onChange={set('recordId')} {...describedBy('audit-record', errors.recordId)}>
            <option value="">Any of them</option>
            <Options choices={choices} />
          </select>
        </Field>
      ) : (
        <TextField id="audit-record" label="Record id" value={draft.recordId} error={errors.recordId} onInput={set('recordId')} />
      )}
      <TextField id="audit-from" type="date" label="From (first day)" value={draft.from} error={errors.from} onInput={set('from')} />
      <TextField id="audit-to" type="date" label="To (last day)" value={draft.to} error={errors.to} onInput={set('to')} />
      <span class="actions">
        <button type="submit" class="primary">
          Show entries
        </button>
        <button type="button" onClick={clear}>
          Clear the filters
        </button>
      </span>
    </form>
  );
}

/** Admins and the central team: who changed what, in words, filtered and paged, with a CSV export. */
export function AuditPage() {
  const records = useAuditRecords();
  const [params, setParams] = useState<AuditQueryParams>({});
  const [found, setFound] = useState<string | null>(null);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exportNote, setExportNote] = useState<string | null>(null);

  // Filters applied in quick succession: only the latest request's answer is shown.
  const latest = useRef(0);
  async function load(query: AuditQueryParams, cursor: string | null) {
    const request = ++latest.current;
    setBusy(true);
    try {
      const page = await adminApi.audit(auditSearch(query, { cursor, limit: PAGE }));
      if (request !== latest.current) return;
      setEntries((shown) => (cursor ? [...(shown ?? []), ...page.entries] : page.entries));
      setNext(page.nextCursor);
      setError(null);
    } catch (err) {
      if (request === latest.current) setError((err as Error).message);
    } finally {
      if (request === latest.current) setBusy(false);
    }
  }
  useEffect(() => void load(params, null), [params]);

  async function exportCsv() {
    if (!records) return;
    setExportNote('Preparing the export…');
    try {
      const all: AuditEntryView[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < EXPORT_PAGES; i++) {
        const page = await adminApi.audit(auditSearch(params, { cursor, limit: EXPORT_PAGE }));
        all.push(...page.entries);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      saveCsv(datedName('audit-trail', 'csv'), toCsv(foldErasures(all), auditCsvColumns(records)));
      setExportNote(
        cursor
          ? `Exported the newest ${all.length} entries; choose dates to export older ones.`
          : `Exported ${all.length} ${all.length === 1 ? 'entry' : 'entries'}.`,
      );
    } catch (err) {
      setExportNote(`Could not export: ${(err as Error).message}`);
    }
  }

  if (!records) return <p>Loading…</p>;
  const items = foldErasures(entries ?? []);
  const now = new Date();
  return (
    <section aria-labelledby="audit-title">
      <div class="page-head admin-head">
        <h1 id="audit-title">Audit trail</h1>
        <span>
          <button type="button" onClick={() => void exportCsv()} disabled={!entries?.length}>
            Export CSV
          </button>{' '}
          {exportNote && <span role="status">{exportNote}</span>}
        </span>
      </div>
      <p class="summary">
        Who changed what, newest first. The trail keeps who, when and which fields, never the values: candidates’ names come from this browser, so an erased
        candidate is never named.
      </p>
      <Filters
        records={records}
        onApply={(p, f) => {
          setParams(p);
          setFound(f);
        }}
      />
      {found && <p class="muted">Candidate: {found}</p>}
      {error && (
        <p role="alert" class="status-red">
          Could not read the audit trail: {error}
        </p>
      )}
      {entries === null && !error && <p>Loading…</p>}
      {entries && !entries.length && <p class="empty">No entries match these filters.</p>}
      {items.length > 0 && (
        <ol class="audit-list" aria-label="Audit entries">
          {items.map((item) => (
            <li key={item.entry.id} data-entry-id={item.entry.id}>
              {auditSentence(item, records, now)}
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" disabled={busy} onClick={() => void load(params, next)}>
          Show older entries
        </button>
      )}
    </section>
  );
}
