import { applicationSchema, describeIssues, type Advert, type Application, type Vacancy } from '#shared/schema/index';
import { IMPORT_FIELD_LABELS, type ColumnMapping, type ImportField } from './mapping';
import { parseExperience, parseSource, parseUkDate, parseYears } from './parseCells';

/** A data row of the file: its cells and its line number (the header is line 1). */
export interface SourceRow {
  line: number;
  cells: string[];
}

export interface RowProblem {
  line: number;
  name: string;
  reasons: string[];
}

export interface RowDuplicate {
  line: number;
  name: string;
  matchedBy: 'ATS reference' | 'email on the same vacancy';
  /** Already in Shortlist, or an earlier line of this file. */
  inFile: number | null;
}

export interface PlannedRow {
  line: number;
  /** Without id and assignedTo: given when imported. */
  application: Omit<Application, 'id' | 'assignedTo'>;
}

export interface ImportPlan {
  rows: PlannedRow[];
  problems: RowProblem[];
  duplicates: RowDuplicate[];
}

export interface PlanContext {
  vacancies: readonly Vacancy[];
  adverts: readonly Advert[];
  existing: readonly Pick<Application, 'vacancyId' | 'atsReference' | 'email'>[];
}

const key = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** Finds the vacancy of a job reference: the vacancy's own reference, then any of its adverts'. */
export function vacancyResolver(vacancies: readonly Vacancy[], adverts: readonly Advert[]): (reference: string) => Vacancy | undefined {
  const byRef = new Map<string, Vacancy>();
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  for (const a of adverts) {
    const v = byId.get(a.vacancyId);
    if (v && a.reference) byRef.set(key(a.reference), v);
  }
  // The vacancy's own reference wins over an advert's.
  for (const v of vacancies) if (v.reference) byRef.set(key(v.reference), v);
  return (reference) => byRef.get(key(reference));
}

/** Field of a schema issue ("email: must be...") named as the column a person sees. */
function renameIssue(issue: string, columns: Partial<Record<ImportField, string>>): string {
  const [field, ...rest] = issue.split(': ');
  const header = columns[field as ImportField];
  return header ? `${header}: ${rest.join(': ')}` : issue;
}

/**
 * Turns the file's rows into applications to import, rows with problems (each reason named
 * by its column) and duplicates: the same ATS reference, or the same email on the same vacancy,
 * already in Shortlist or on an earlier line of the file.
 */
export function planImport(headers: readonly string[], rows: readonly SourceRow[], mapping: ColumnMapping, ctx: PlanContext): ImportPlan {
  const cell = (row: SourceRow, field: ImportField) => {
    const i = mapping[field];
    return i === null ? '' : (row.cells[i] ?? '').trim();
  };
  const columns = Object.fromEntries(
    (Object.keys(mapping) as ImportField[]).map((f) => [f, mapping[f] === null ? IMPORT_FIELD_LABELS[f] : (headers[mapping[f]!] ?? IMPORT_FIELD_LABELS[f])]),
  ) as Record<ImportField, string>;
  const findVacancy = vacancyResolver(ctx.vacancies, ctx.adverts);
  const refsSeen = new Map<string, number | null>();
  const emailsSeen = new Map<string, number | null>();
  for (const a of ctx.existing) {
    if (a.atsReference) refsSeen.set(key(a.atsReference), null);
    if (a.email) emailsSeen.set(`${a.vacancyId}|${key(a.email)}`, null);
  }

  const plan: ImportPlan = { rows: [], problems: [], duplicates: [] };
  for (const row of rows) {
    const name = cell(row, 'name');
    const reasons: string[] = [];
    const dateText = cell(row, 'receivedDate');
    const receivedDate = parseUkDate(dateText);
    if (!receivedDate) reasons.push(`${columns.receivedDate}: ${dateText ? `“${dateText}” is not a date` : 'missing'} (write DD/MM/YYYY or YYYY-MM-DD)`);
    const reference = cell(row, 'jobReference');
    const vacancy = reference ? findVacancy(reference) : undefined;
    if (!vacancy) reasons.push(`${columns.jobReference}: ${reference ? `no vacancy or advert has the reference “${reference}”` : 'missing'}`);
    const referrer = cell(row, 'referrer');
    const candidate = {
      vacancyId: vacancy?.id ?? '00000000-0000-7000-8000-000000000000',
      name: name || null,
      email: cell(row, 'email') || null,
      phone: cell(row, 'phone') || null,
      source: parseSource(cell(row, 'source')),
      referrer: referrer || null,
      experience: parseExperience(cell(row, 'experience')),
      yearsQualified: parseYears(cell(row, 'yearsQualified')),
      atsReference: cell(row, 'atsReference') || null,
      receivedDate: receivedDate ?? '2000-01-01',
    };
    // Validate with a stand-in id: the real one is given only to rows that are imported.
    const parsed = applicationSchema.safeParse({ ...candidate, id: '00000000-0000-7000-8000-000000000001' });
    if (!parsed.success) reasons.push(...describeIssues(parsed.error).map((i) => renameIssue(i, columns)));
    if (reasons.length || !parsed.success) {
      plan.problems.push({ line: row.line, name, reasons });
      continue;
    }
    const refKey = key(candidate.atsReference);
    const emailKey = candidate.email ? `${candidate.vacancyId}|${key(candidate.email)}` : '';
    if (refKey && refsSeen.has(refKey)) {
      plan.duplicates.push({ line: row.line, name, matchedBy: 'ATS reference', inFile: refsSeen.get(refKey) ?? null });
      continue;
    }
    if (emailKey && emailsSeen.has(emailKey)) {
      plan.duplicates.push({ line: row.line, name, matchedBy: 'email on the same vacancy', inFile: emailsSeen.get(emailKey) ?? null });
      continue;
    }
    if (refKey) refsSeen.set(refKey, row.line);
    if (emailKey) emailsSeen.set(emailKey, row.line);
    const { id: _standIn, assignedTo: _none, ...application } = parsed.data;
    plan.rows.push({ line: row.line, application });
  }
  return plan;
}
