import { asOf, demo, demoDb } from './helpers';
import { describe, expect, it, vi } from 'vitest';
import { demoAtsCsvExport, PRIYA } from '#demo/index';
import { guessMapping, unmappedRequired } from '@/ui/workspace/daily/import/mapping';
import { parseSource, parseUkDate } from '@/ui/workspace/daily/import/parseCells';
import { planImport } from '@/ui/workspace/daily/import/plan';
import { readCsv } from '@/ui/workspace/daily/import/readCsv';
import { IMPORT_CHUNK_SIZE, runImport } from '@/ui/workspace/daily/import/runImport';

const exported = demoAtsCsvExport(demo);

describe('column mapping', () => {
  it('guesses every field of the demo ATS export from its headers', () => {
    const { headers } = readCsv(exported.csv);
    const m = guessMapping(headers);
    const col = (f: keyof typeof m) => (m[f] === null ? null : headers[m[f]!]);
    expect(col('atsReference')).toBe('Applicant ID');
    expect(col('name')).toBe('Candidate Name');
    expect(col('email')).toBe('Email Address');
    expect(col('phone')).toBe('Phone Number');
    expect(col('receivedDate')).toBe('Application Date');
    expect(col('jobTitle')).toBe('Job Title');
    expect(col('jobReference')).toBe('Job Reference');
    expect(col('source')).toBe('Source');
    expect(col('referrer')).toBe('Referred By');
    expect(col('experience')).toBe('Experience');
    expect(col('yearsQualified')).toBe('Years Qualified');
    expect(unmappedRequired(m)).toEqual([]);
  });

  it('leaves a field unmapped when no header fits, and says so', () => {
    const m = guessMapping(['Foo', 'Bar']);
    expect(unmappedRequired(m)).toEqual(['name', 'receivedDate', 'jobReference']);
  });
});

describe('cells', () => {
  it('reads UK dates and refuses impossible ones', () => {
    expect(parseUkDate('23/03/2026 09:15')).toBe('2026-03-23');
    expect(parseUkDate('2026-03-23')).toBe('2026-03-23');
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(parseUkDate('TBC')).toBeNull();
  });
  it('maps export source text to sources', () => {
    expect(parseSource('Community Care Jobs')).toBe('community_care');
    expect(parseSource('Employee referral')).toBe('referral');
    expect(parseSource('Council website')).toBe('microsite');
    expect(parseSource('Indeed')).toBe('other_board');
    expect(parseSource('University careers fair')).toBe('other');
  });
});

describe('import plan of the demo export', () => {
  const { headers, rows } = readCsv(exported.csv);
  const plan = planImport(headers, rows, guessMapping(headers), { vacancies: demo.records.vacancies, adverts: demo.records.adverts, existing: demo.records.applications });

  it('names the 3 bad rows by line, each with the column at fault', () => {
    expect(plan.problems.map((p) => p.line)).toEqual(exported.invalid.map((p) => p.line));
    plan.problems.forEach((p, i) => expect(p.reasons.join(' ')).toContain(exported.invalid[i]!.field));
  });

  it('skips the 5 duplicates, by ATS reference or email on the same vacancy', () => {
    expect(plan.duplicates.map((d) => d.line)).toEqual(exported.duplicates.map((d) => d.line));
    expect(plan.duplicates.map((d) => d.matchedBy)).toEqual(exported.duplicates.map((d) => (d.matchedBy === 'atsReference' ? 'ATS reference' : 'email on the same vacancy')));
    expect(plan.rows).toHaveLength(212 - 3 - 5);
  });

  it('catches a duplicate of an earlier line of the same file', () => {
    const twice = [rows[0]!, { ...rows[0]!, line: 999 }];
    const p = planImport(headers, twice, guessMapping(headers), { vacancies: demo.records.vacancies, adverts: demo.records.adverts, existing: [] });
    expect(p.rows).toHaveLength(1);
    expect(p.duplicates).toEqual([expect.objectContaining({ line: 999, inFile: rows[0]!.line })]);
  });

  it('counts lines as a spreadsheet does when a quoted cell holds a line break', () => {
    const csv = 'Candidate Name,Application Date,Job Reference\r\n"Ann\nLee",01/03/2026,X\r\nBob,TBC,X\r\n';
    expect(readCsv(csv).rows.map((r) => r.line)).toEqual([2, 4]);
  });
});

describe('running the import', () => {
  it('imports in chunks of 50 with progress, each with an applied event and the manager on duty', async () => {
    const db = await demoDb({ user: { id: PRIYA.id, name: PRIYA.name } });
    const { headers, rows } = readCsv(exported.csv);
    const existing = await db.applications.toArray();
    const plan = planImport(headers, rows, guessMapping(headers), { vacancies: demo.records.vacancies, adverts: demo.records.adverts, existing });
    const transaction = vi.spyOn(db, 'transaction');
    const progress: number[] = [];
    const count = await runImport(plan.rows, { vacancies: demo.records.vacancies, slots: demo.records.rota_slots, asOf, userId: PRIYA.id }, (p) => progress.push(p.done), db);
    expect(count).toBe(204);
    expect(progress).toEqual([0, 50, 100, 150, 200, 204]);
    // One outer transaction per chunk (the writes inside join it).
    const outer = (transaction.mock.calls as unknown[][]).filter((c) => c.length === 3 && Array.isArray(c[1]) && (c[1] as unknown[]).length === 4);
    expect(outer).toHaveLength(Math.ceil(204 / IMPORT_CHUNK_SIZE));
    expect(await db.applications.count()).toBe(existing.length + 204);
    const added = (await db.applications.toArray()).filter((a) => !existing.some((e) => e.id === a.id));
    const events = await db.stage_events.where('applicationId').anyOf(added.map((a) => a.id)).toArray();
    expect(events).toHaveLength(204);
    expect(events.every((e) => e.stage === 'applied' && e.by === PRIYA.id)).toBe(true);
    const received = new Map(added.map((a) => [a.id, a.receivedDate]));
    expect(events.every((e) => e.at.startsWith(received.get(e.applicationId)!))).toBe(true);
    expect(added.filter((a) => a.assignedTo).length).toBeGreaterThan(0);
    // Importing the same file again finds every row already there.
    const again = planImport(headers, rows, guessMapping(headers), { vacancies: demo.records.vacancies, adverts: demo.records.adverts, existing: await db.applications.toArray() });
    expect(again.rows).toHaveLength(0);
    expect(again.duplicates).toHaveLength(209);
  });

  it('rolls a failing chunk back whole', async () => {
    const db = await demoDb({ empty: true });
    const vacancy = demo.records.vacancies[0]!;
    const good = { line: 2, application: { vacancyId: vacancy.id, name: 'Ann Lee', source: 'other' as const, experience: 'experienced' as const, receivedDate: '2026-03-02' } };
    const bad = { line: 3, application: { ...good.application, name: '' } };
    await expect(runImport([good, bad], { vacancies: [vacancy], slots: [], asOf, userId: PRIYA.id }, undefined, db)).rejects.toThrow(/name/);
    expect(await db.applications.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
