import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, mondayOf } from '#shared/calendar';
import { CSV_HEADER, csvField, DEFAULT_DEMO_AS_OF, demoAtsCsvExport, generateDemoCouncil } from '#demo/index';

const data = generateDemoCouncil({ asOf: DEFAULT_DEMO_AS_OF });
const exported = demoAtsCsvExport(data);
const parsed = Papa.parse<Record<string, string>>(exported.csv, { header: true, skipEmptyLines: true });
const rows = parsed.data;
const lineOf = (i: number) => i + 2; // header is line 1
const email = z.email();
const DATE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/;

describe('the ATS CSV export of last week (Priya, step 4)', () => {
  it('has the header and 212 data rows, and parses cleanly', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(212);
    expect(exported.rows).toBe(212);
    expect(exported.csv.split('\r\n').filter(Boolean)).toHaveLength(213);
    expect(exported.filename).toBe('tribepad-applications-2026-03-23-to-2026-03-27.csv');
  });

  it('has exactly 3 invalid rows, at the documented lines, for the documented reasons', () => {
    const problems: Array<{ line: number; field: string }> = [];
    rows.forEach((r, i) => {
      if (!r['Candidate Name']?.trim()) problems.push({ line: lineOf(i), field: 'Candidate Name' });
      if (!email.safeParse(r['Email Address']).success) problems.push({ line: lineOf(i), field: 'Email Address' });
      const m = DATE.exec(r['Application Date'] ?? '');
      const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
      if (!m || Number.isNaN(Date.parse(iso))) problems.push({ line: lineOf(i), field: 'Application Date' });
    });
    expect(problems).toEqual(exported.invalid.map(({ line, field }) => ({ line, field })));
    expect(exported.invalid.map((p) => p.reason)).toEqual(['not an email address', 'missing name', 'unparseable date']);
    expect(exported.invalid.map((p) => p.line)).toEqual([37, 120, 192]);
  });

  it('has exactly 5 rows already in the demo data (3 by Applicant ID, 2 by email), at the documented lines', () => {
    const byRef = new Map(data.records.applications.filter((a) => a.atsReference).map((a) => [a.atsReference!, a.id]));
    const byEmail = new Map(data.records.applications.filter((a) => a.email).map((a) => [a.email!.toLowerCase(), a.id]));
    const found: Array<{ line: number; applicationId: string; matchedBy: string }> = [];
    rows.forEach((r, i) => {
      const ref = byRef.get(r['Applicant ID'] ?? '');
      const mail = byEmail.get((r['Email Address'] ?? '').toLowerCase());
      if (ref) found.push({ line: lineOf(i), applicationId: ref, matchedBy: 'atsReference' });
      else if (mail) found.push({ line: lineOf(i), applicationId: mail, matchedBy: 'email' });
    });
    expect(found).toEqual(exported.duplicates.map(({ line, applicationId, matchedBy }) => ({ line, applicationId, matchedBy })));
    expect(found.filter((f) => f.matchedBy === 'atsReference')).toHaveLength(3);
    expect(found.filter((f) => f.matchedBy === 'email')).toHaveLength(2);
    // New rows are new people: Applicant IDs and emails unique within the file.
    expect(new Set(rows.map((r) => r['Applicant ID'])).size).toBe(212);
  });

  it('new rows are last week applications to vacancies the council has open', () => {
    const lastMonday = addDays(mondayOf(DEFAULT_DEMO_AS_OF), -7);
    const refs = new Set(data.records.vacancies.map((v) => v.reference));
    const dupLines = new Set(exported.duplicates.map((d) => d.line));
    rows.forEach((r, i) => {
      expect(refs.has(r['Job Reference'] ?? '')).toBe(true);
      if (dupLines.has(lineOf(i)) || exported.invalid.some((p) => p.line === lineOf(i))) return;
      const m = DATE.exec(r['Application Date'] ?? '')!;
      const iso = `${m[3]}-${m[2]}-${m[1]}`;
      expect(iso >= lastMonday && iso <= addDays(lastMonday, 4)).toBe(true);
      expect(r['Email Address']).toMatch(/@example\.(org|com)$/);
    });
  });

  it('is deterministic, and quotes fields the RFC 4180 way', () => {
    expect(demoAtsCsvExport(generateDemoCouncil({ asOf: DEFAULT_DEMO_AS_OF })).csv).toBe(exported.csv);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
