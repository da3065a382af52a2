import { asOf, demo, demoDb } from './helpers';
import { describe, expect, it } from 'vitest';
import { CHECK_KINDS, type Check } from '#shared/schema/index';
import { loadDailyData } from '@/ui/workspace/daily/data';
import { checklist, checksCandidates, holdingChecks, saveCheck } from '@/ui/workspace/daily/checksModel';

const app = '019a0000-0000-7000-8000-0000000000aa';
const check = (kind: Check['kind'], fields: Partial<Check>): Check => ({ id: `019a0000-0000-7000-8000-0000000001${CHECK_KINDS.indexOf(kind)}0`, applicationId: app, kind, ...fields });

describe('checklist', () => {
  it('lists every kind once, done when cleared or not applicable', () => {
    const lines = checklist(app, [check('references', { cleared: '2026-03-01' }), check('overseas_conduct', { notApplicable: true }), check('dbs_barred_list', { requested: '2026-02-01' })]);
    expect(lines.map((l) => l.kind)).toEqual([...CHECK_KINDS]);
    expect(lines.filter((l) => l.done).map((l) => l.kind)).toEqual(['references', 'overseas_conduct']);
  });

  it('holds the start date with the oldest request first, unrequested last', () => {
    const lines = checklist(app, [
      check('dbs_barred_list', { requested: '2026-02-10' }),
      check('references', { requested: '2026-01-20', received: '2026-02-01' }),
      check('identity_right_to_work', { cleared: '2026-01-05' }),
    ]);
    const holding = holdingChecks(lines).map((l) => l.kind);
    expect(holding.slice(0, 2)).toEqual(['references', 'dbs_barred_list']);
    expect(holding).not.toContain('identity_right_to_work');
    expect(holding).toHaveLength(CHECK_KINDS.length - 1);
  });
});

describe('checks page data', () => {
  it('lists only accepted candidates, and a saved date creates the check row once', async () => {
    const db = await demoDb();
    const candidates = checksCandidates(await loadDailyData(db));
    expect(candidates.length).toBeGreaterThan(0);
    const first = candidates[0]!;
    // Start from a kind with no row yet (the demo may have recorded all of them).
    const kind = first.lines[0]!.kind;
    await db.checks.where('applicationId').equals(first.application.id).and((c) => c.kind === kind).delete();
    const missing = checklist(first.application.id, await db.checks.toArray()).find((l) => l.kind === kind)!;
    expect(missing.check).toBeNull();
    await saveCheck(first.application.id, missing, { requested: asOf }, db);
    const again = checklist(first.application.id, await db.checks.toArray()).find((l) => l.kind === missing.kind)!;
    expect(again.check?.requested).toBe(asOf);
    await saveCheck(first.application.id, again, { cleared: asOf }, db);
    const rows = (await db.checks.where('applicationId').equals(first.application.id).toArray()).filter((c) => c.kind === missing.kind);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ requested: asOf, cleared: asOf });
    expect(demo.records.checks.length).toBeGreaterThan(0);
  });

  it('refuses a date that is not a date', async () => {
    const db = await demoDb({ empty: true });
    const line = checklist(app, [])[0]!;
    await expect(saveCheck(app, line, { requested: '31/02/2026' }, db)).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('finding a candidate', async () => {
  const { findCandidates } = await import('@/ui/workspace/daily/findCandidates');
  it('matches name, email or ATS reference, ignoring case, and needs two characters', () => {
    const a = demo.records.applications.find((x) => x.name && x.email && x.atsReference)!;
    expect(findCandidates(a.name!.toUpperCase(), demo.records.applications, demo.records.vacancies).map((f) => f.application.id)).toContain(a.id);
    expect(findCandidates(a.email!, demo.records.applications, demo.records.vacancies).map((f) => f.application.id)).toContain(a.id);
    expect(findCandidates(a.atsReference!.toLowerCase(), demo.records.applications, demo.records.vacancies)[0]?.application.id).toBe(a.id);
    expect(findCandidates('a', demo.records.applications, demo.records.vacancies)).toEqual([]);
    expect(findCandidates('zzzz-nobody', demo.records.applications, demo.records.vacancies)).toEqual([]);
  });
});
