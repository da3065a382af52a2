/**
 * The ATS CSV export Priya imports in journey 1, step 4: last week's applications, 212 rows,
 * of which 3 are invalid (bad email, missing name, unparseable date) and 5 are already in the
 * demo data (3 by Applicant ID, 2 by email). The line numbers are returned with the text, so
 * tests can check that the importer names the same lines.
 */
import type { Source } from '../shared/schema/index';
import { addDays, mondayOf } from './dates';
import type { DemoCouncil } from './types';
import { EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, emailFor } from './names';
import { Rng } from './prng';

export const CSV_HEADER = [
  'Applicant ID', 'Candidate Name', 'Email Address', 'Phone Number', 'Application Date', 'Job Title',
  'Job Reference', 'Source', 'Referred By', 'Experience', 'Years Qualified', 'Current Status',
] as const;

export const CSV_SOURCE_TEXT: Record<Source, string> = {
  community_care: 'Community Care Jobs',
  microsite: 'Council website',
  other_board: 'Indeed',
  referral: 'Employee referral',
  agency: 'Agency',
  internal: 'Internal applicant',
  returner: 'Returner programme',
  other: 'University careers fair',
};

export interface CsvProblem {
  /** Line of the file, the header being line 1. */
  line: number;
  /** Data row, 1-based (line - 1). */
  row: number;
  field: (typeof CSV_HEADER)[number];
  reason: string;
}

export interface CsvDuplicate {
  line: number;
  row: number;
  applicationId: string;
  matchedBy: 'atsReference' | 'email';
}

export interface DemoCsvExport {
  filename: string;
  csv: string;
  header: readonly string[];
  /** Data rows (the header not counted). */
  rows: number;
  invalid: CsvProblem[];
  duplicates: CsvDuplicate[];
}

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const ukDateTime = (date: string, minute: number) =>
  `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} ${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

export function demoAtsCsvExport(data: DemoCouncil, rows = 212): DemoCsvExport {
  if (!Number.isInteger(rows) || rows < 10) throw new RangeError('the export needs at least 10 rows');
  const rng = new Rng(data.seed, `csv:${rows}`);
  const { applications, vacancies } = data.records;
  const lastMonday = addDays(mondayOf(data.asOf), -7);
  const lastFriday = addDays(lastMonday, 4);
  const weekDays = [0, 1, 2, 3, 4].map((i) => addDays(lastMonday, i));

  // Where the problems sit, spread through the file whatever its length.
  const at = (fractions: number[]) => fractions.map((f) => Math.max(1, Math.min(rows, Math.round(rows * f))));
  const invalidRows = at([0.17, 0.56, 0.9]);
  const duplicateRows = at([0.06, 0.3, 0.48, 0.71, 0.96]);
  if (new Set([...invalidRows, ...duplicateRows]).size !== 8) throw new RangeError('the export is too short to keep its problem rows apart');

  // New rows must not collide with anyone already in the data, by name, email or reference.
  const usedNames = new Set(applications.map((a) => a.name).filter((n): n is string => !!n));
  const usedEmails = new Set(applications.map((a) => a.email?.toLowerCase()).filter((e): e is string => !!e));
  const usedRefs = new Set(applications.map((a) => a.atsReference).filter((r): r is string => !!r));
  usedRefs.add(data.journeys.returningCandidate.newAtsReference);
  const pairs = rng.shuffle(FIRST_NAMES.flatMap((f) => LAST_NAMES.map((l) => [f, l] as const)).filter(([f, l]) => !usedNames.has(`${f} ${l}`)));

  const open = vacancies.filter((v) => v.status === 'open' || (v.status === 'closed' && (v.closingDate ?? '') >= lastMonday));
  // Duplicates: candidates Shortlist already has from last week (or the latest ones).
  const recent = [...applications]
    .filter((a) => a.name && a.email && a.atsReference && !a.erased)
    .sort((a, b) => (a.receivedDate < b.receivedDate ? 1 : a.receivedDate > b.receivedDate ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, 12);
  const dupPicks = rng.shuffle(recent).slice(0, duplicateRows.length);
  if (dupPicks.length < duplicateRows.length) throw new Error('demo csv: not enough applications to duplicate');

  const lines: string[] = [CSV_HEADER.map(csvField).join(',')];
  const invalid: CsvProblem[] = [];
  const duplicates: CsvDuplicate[] = [];
  let refNumber = 300_000 + rng.int(0, 9_999);
  let pairIndex = 0;

  for (let row = 1; row <= rows; row++) {
    const dupIndex = duplicateRows.indexOf(row);
    const dup = dupIndex >= 0 ? dupPicks[dupIndex] : undefined;
    let fields: string[];
    if (dup) {
      const vacancy = vacancies.find((v) => v.id === dup.vacancyId);
      const byRef = dupIndex % 2 === 0; // 3 by Applicant ID, 2 by email under a new ID
      let ref = dup.atsReference ?? '';
      if (!byRef) while (usedRefs.has((ref = `TP-${(refNumber += rng.int(3, 17))}`)));
      fields = [
        ref, dup.name ?? '', dup.email ?? '', '', ukDateTime(dup.receivedDate, rng.int(0, 540)), vacancy?.title ?? '',
        vacancy?.reference ?? '', CSV_SOURCE_TEXT[dup.source], dup.referrer ?? '', dup.experience === 'nqsw' ? 'Newly qualified (ASYE)' : 'Experienced',
        String(dup.yearsQualified ?? ''), 'New',
      ];
      duplicates.push({ line: row + 1, row, applicationId: dup.id, matchedBy: byRef ? 'atsReference' : 'email' });
    } else {
      const pair = pairs[pairIndex++ % pairs.length] ?? ['Alex', 'Smith'];
      const [first, last] = pair;
      let email = emailFor(first, last, row, rng.pick(EMAIL_DOMAINS));
      while (usedEmails.has(email)) email = emailFor(first, last, row + rng.int(100, 999), rng.pick(EMAIL_DOMAINS));
      usedEmails.add(email);
      let ref: string;
      while (usedRefs.has((ref = `TP-${(refNumber += rng.int(3, 17))}`)));
      usedRefs.add(ref);
      const vacancy = rng.pick(open);
      const nq = vacancy.role === 'nqsw' || rng.chance(0.12);
      const source = rng.weighted<Source>([['community_care', 40], ['microsite', 20], ['referral', 9], ['agency', 8], ['internal', 8], ['other_board', 9], ['returner', 4], ['other', 2]]);
      const [rf, rl] = rng.pick(pairs) ?? ['Jo', 'Bloggs'];
      fields = [
        ref, `${first} ${last}`, email, rng.chance(0.4) ? `07700 900${String(rng.int(0, 999)).padStart(3, '0')}` : '',
        ukDateTime(rng.pick(weekDays), rng.int(0, 600)), vacancy.title, vacancy.reference ?? '', CSV_SOURCE_TEXT[source],
        source === 'referral' ? `${rf} ${rl}` : '', nq ? 'Newly qualified (ASYE)' : 'Experienced', nq ? '0' : String(rng.int(1, 15)), 'New',
      ];
      const bad = invalidRows.indexOf(row);
      if (bad === 0) {
        fields[2] = email.replace('@', ' at ');
        invalid.push({ line: row + 1, row, field: 'Email Address', reason: 'not an email address' });
      } else if (bad === 1) {
        fields[1] = '';
        invalid.push({ line: row + 1, row, field: 'Candidate Name', reason: 'missing name' });
      } else if (bad === 2) {
        fields[4] = 'TBC';
        invalid.push({ line: row + 1, row, field: 'Application Date', reason: 'unparseable date' });
      }
    }
    lines.push(fields.map(csvField).join(','));
  }
  return {
    filename: `tribepad-applications-${lastMonday}-to-${lastFriday}.csv`,
    csv: `${lines.join('\r\n')}\r\n`,
    header: CSV_HEADER,
    rows,
    invalid,
    duplicates,
  };
}
