import { useMemo, useState } from 'preact/hooks';
import { getDb } from '@/db/database';
import { TableHead } from '@/ui/common/TableHead';
import { TitleWithCsv } from '@/ui/csv/TitleWithCsv';
import type { CsvColumn } from '@/ui/csv/toCsv';
import { useDailyData } from '../useDailyData';
import { useSignedIn } from '../useSignedIn';
import { guessMapping, IMPORT_FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, unmappedRequired, type ColumnMapping, type ImportField } from './mapping';
import { planImport, type ImportPlan, type RowDuplicate, type RowProblem } from './plan';
import { readCsv, type CsvFile } from './readCsv';
import { runImport, type ImportProgress } from './runImport';

const PREVIEW_ROWS = 5;

interface Outcome {
  imported: number;
  plan: ImportPlan;
}

/** Bulk import of an ATS CSV export: map the columns, preview, import with progress, and list what was left out. */
export function ImportPage() {
  const { userId, asOf } = useSignedIn();
  const data = useDailyData();
  const [file, setFile] = useState<{ name: string; csv: CsvFile } | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setOutcome(null);
    setProgress(null);
    setError(null);
    if (!chosen) return;
    const csv = readCsv(await chosen.text());
    if (csv.headers.length === 0 || csv.rows.length === 0) {
      setFile(null);
      return setError(`${chosen.name} has no rows under a header line.`);
    }
    setFile({ name: chosen.name, csv });
    setMapping(guessMapping(csv.headers));
  };

  const missing = mapping ? unmappedRequired(mapping) : [];
  const running = progress !== null && progress.done < progress.total && !outcome;

  const start = async () => {
    if (!file || !mapping || !data || !userId) return;
    setError(null);
    setOutcome(null);
    try {
      // Duplicates are checked against the database as it is now, not as the page last saw it.
      const existing = await getDb().applications.toArray();
      const plan = planImport(file.csv.headers, file.csv.rows, mapping, { vacancies: data.vacancies, adverts: data.adverts, existing });
      setProgress({ done: 0, total: plan.rows.length });
      const imported = await runImport(plan.rows, { vacancies: data.vacancies, slots: data.slots, asOf, userId }, setProgress);
      setOutcome({ imported, plan });
    } catch (err) {
      setError(`The import stopped: ${(err as { issues?: string[] }).issues?.join('; ') ?? String(err)}. Rows imported before the error are kept.`);
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import applications</h1>
      <p class="summary">From your ATS's CSV export. Rows that are already in Shortlist (same applicant ID, or same email on the same vacancy) are skipped.</p>
      <p>
        <label>
          CSV file{' '}
          <input type="file" accept=".csv,text/csv" disabled={running} onChange={(e) => void choose(e.currentTarget as HTMLInputElement)} />
        </label>
      </p>
      {!userId ? <p role="alert">Sign in first: imported applications record who imported them.</p> : null}
      {error ? (
        <p role="alert" class="move-message">
          {error}
        </p>
      ) : null}
      {progress ? (
        <p>
          <label>
            {outcome ? "Imported" : "Importing"} {file?.name}: {progress.done} of {progress.total}
            <progress max={Math.max(1, progress.total)} value={progress.done} />
          </label>
        </p>
      ) : null}
      {file && mapping && !progress ? (
        <>
          <h2>Columns of {file.name}</h2>
          <MappingEditor headers={file.csv.headers} mapping={mapping} onChange={setMapping} disabled={running} />
          {missing.length ? (
            <p role="alert" class="move-message">
              Choose a column for: {missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.
            </p>
          ) : null}
          <p>
            <button type="button" class="primary" disabled={running || missing.length > 0 || !userId || !data} onClick={() => void start()}>
              Import {file.csv.rows.length} rows
            </button>
          </p>
          <h2>
            Preview (first {Math.min(PREVIEW_ROWS, file.csv.rows.length)} of {file.csv.rows.length} rows)
          </h2>
          <Preview csv={file.csv} mapping={mapping} />
        </>
      ) : null}
      {outcome ? <Outcome outcome={outcome} /> : null}
    </section>
  );
}

function MappingEditor({ headers, mapping, onChange, disabled }: { headers: string[]; mapping: ColumnMapping; onChange: (m: ColumnMapping) => void; disabled: boolean }) {
  return (
    <div class="mapping">
      {IMPORT_FIELDS.map((field: ImportField) => (
        <label key={field}>
          {IMPORT_FIELD_LABELS[field]}
          {REQUIRED_FIELDS.includes(field) ? ' (required)' : ''}
          <select
            disabled={disabled}
            value={mapping[field] === null ? '' : String(mapping[field])}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              onChange({ ...mapping, [field]: v === '' ? null : Number(v) });
            }}
          >
            <option value="">Not in this file</option>
            {headers.map((h, i) => (
              <option key={i} value={String(i)}>
                {h || `Column ${i + 1}`}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}

function Preview({ csv, mapping }: { csv: CsvFile; mapping: ColumnMapping }) {
  const fields = IMPORT_FIELDS.filter((f) => mapping[f] !== null);
  const rows = useMemo(() => csv.rows.slice(0, PREVIEW_ROWS), [csv]);
  return (
    <div class="preview">
      <table>
        <TableHead columns={['Line', ...fields.map((f) => csv.headers[mapping[f]!] || IMPORT_FIELD_LABELS[f])]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              {fields.map((f) => (
                <td key={f}>{r.cells[mapping[f]!] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const PROBLEM_COLUMNS: CsvColumn<RowProblem>[] = [
  { header: 'Line', value: (p) => p.line },
  { header: 'Candidate', value: (p) => p.name },
  { header: 'Problem', value: (p) => p.reasons.join('; ') },
];

function Outcome({ outcome }: { outcome: Outcome }) {
  const { plan, imported } = outcome;
  return (
    <>
      <p role="status" class="import-summary">
        <strong>
          {imported} imported, {plan.duplicates.length} duplicate{plan.duplicates.length === 1 ? '' : 's'} skipped, {plan.problems.length} row
          {plan.problems.length === 1 ? '' : 's'} with problems
        </strong>
      </p>
      {plan.problems.length ? (
        <>
          <TitleWithCsv level={2} title="Rows with problems (not imported)" rows={plan.problems} columns={PROBLEM_COLUMNS} filename="import-problems" />
          <table class="import-problems">
            <TableHead columns={['Line', 'Candidate', 'Problem']} />
            <tbody>
              {plan.problems.map((p) => (
                <tr key={p.line}>
                  <td>Line {p.line}</td>
                  <td>{p.name || '(no name)'}</td>
                  <td>{p.reasons.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {plan.duplicates.length ? (
        <>
          <h2>Duplicates skipped</h2>
          <table class="import-dupes">
            <TableHead columns={['Line', 'Candidate', 'Same as']} />
            <tbody>
              {plan.duplicates.map((d: RowDuplicate) => (
                <tr key={d.line}>
                  <td>Line {d.line}</td>
                  <td>{d.name}</td>
                  <td>
                    {d.inFile ? `line ${d.inFile} of this file` : 'an application already in Shortlist'}, by {d.matchedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
