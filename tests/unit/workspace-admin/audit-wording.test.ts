import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '#shared/api/index';
import type { Application, Check, StageEvent, Team, Vacancy } from '#shared/schema/index';
import { orderEvents } from '#shared/stages';
import { auditRecordsOf, type HeldRecords } from '@/ui/workspace/admin/audit/auditRecords';
import { auditSentence, auditTime, foldErasures, type AuditItem } from '@/ui/workspace/admin/audit/auditWording';
import { auditCsvColumns } from '@/ui/workspace/admin/audit/auditCsv';
import { toCsv } from '@/ui/csv/toCsv';

const TOM = { id: 'user-tom', name: 'Tom Okafor', role: 'manager' as const, active: true };
const SAM = { id: 'user-sam', name: 'Sam Kerr', role: 'admin' as const, active: true };
const team: Team = { id: '00000000-0000-4000-8000-00000000000a', name: 'Assessment North', type: 'assessment', area: 'North' };
const vacancy: Vacancy = { id: '00000000-0000-4000-8000-00000000000b', title: 'Senior social worker, Assessment', teamIds: [team.id], role: 'senior_social_worker', posts: 2, mode: 'rolling', status: 'open' };
const ben: Application = { id: '00000000-0000-4000-8000-0000000000a1', vacancyId: vacancy.id, name: 'Ben Francis', email: 'ben@example.org', source: 'community_care', experience: 'experienced', receivedDate: '2026-11-23' };
const applied: StageEvent = { id: '00000000-0000-4000-8000-0000000000e1', applicationId: ben.id, stage: 'applied', at: '2026-11-23T09:00:00Z', by: 'user-priya' };
const shortlisted: StageEvent = { id: '00000000-0000-4000-8000-0000000000e2', applicationId: ben.id, stage: 'shortlisted', at: '2026-12-02T10:14:00Z', by: TOM.id, note: 'Strong' };
const check: Check = { id: '00000000-0000-4000-8000-0000000000c1', applicationId: ben.id, kind: 'dbs_barred_list', note: 'Sent' };

function recordsWith(over: Partial<HeldRecords> = {}, events: StageEvent[] = [applied, shortlisted]) {
  return auditRecordsOf({
    people: [TOM, SAM],
    applications: [ben],
    events: new Map([[ben.id, orderEvents(events)]]),
    checks: [check],
    vacancies: [vacancy],
    teams: [team],
    adverts: [],
    slots: [],
    ...over,
  });
}

let nextId = 1;
const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  id: nextId++,
  at: '2026-12-02T10:14:00.000Z',
  userId: TOM.id,
  userName: TOM.name,
  action: 'create',
  table: 'stage_events',
  recordId: shortlisted.id,
  fields: ['applicationId', 'stage', 'at', 'by', 'note'],
  ...over,
});
const item = (e: AuditEntryView): AuditItem => ({ entry: e, alsoErased: { stageEvents: 0, checks: 0 } });
const NOW = new Date('2026-12-03T12:00:00Z');
const say = (e: Partial<AuditEntryView>, records = recordsWith()) => auditSentence(item(entry(e)), records, NOW);

describe('the audit trail in words', () => {
  it('names who moved whom from which stage to which, and when (London time)', () => {
    expect(say({})).toBe('Tom Okafor moved Ben Francis from Applied to Shortlisted, 2 Dec 10:14');
  });

  it('says when in London time, with the year only when it is not this one', () => {
    expect(auditTime('2026-06-02T09:14:00Z', NOW)).toBe('2 Jun 10:14');
    expect(auditTime('2026-12-02T10:14:00Z', new Date('2027-01-05T09:00:00Z'))).toBe('2 Dec 2026 10:14');
    expect(auditTime('2026-12-31T23:30:00Z', NOW)).toBe('31 Dec 23:30');
  });

  it('words first events, exits with their reason and interview bookings', () => {
    expect(say({ recordId: applied.id })).toBe('Tom Okafor recorded Ben Francis as Applied, 2 Dec 10:14');
    const rejected: StageEvent = { ...shortlisted, id: '00000000-0000-4000-8000-0000000000e3', stage: 'rejected', reason: 'not_qualified', at: '2026-12-02T11:00:00Z' };
    const withdrawn: StageEvent = { ...shortlisted, id: '00000000-0000-4000-8000-0000000000e4', stage: 'withdrawn', reason: 'salary', at: '2026-12-02T11:00:00Z' };
    const booked: StageEvent = { ...shortlisted, id: '00000000-0000-4000-8000-0000000000e5', stage: 'interview_booked', at: '2026-12-02T11:00:00Z' };
    expect(say({ recordId: rejected.id }, recordsWith({}, [applied, rejected]))).toMatch(/^Tom Okafor rejected Ben Francis \(Not qualified\),/);
    expect(say({ recordId: withdrawn.id }, recordsWith({}, [applied, withdrawn]))).toMatch(/^Tom Okafor recorded that Ben Francis withdrew \(Salary\),/);
    expect(say({ recordId: booked.id }, recordsWith({}, [applied, shortlisted, booked]))).toMatch(/^Tom Okafor booked an interview for Ben Francis,/);
  });

  it('says which fields changed, never their values', () => {
    expect(say({ action: 'update', table: 'applications', recordId: ben.id, fields: ['email', 'phone'] })).toBe('Tom Okafor changed the email and phone of Ben Francis, 2 Dec 10:14');
    expect(say({ action: 'update', table: 'applications', recordId: ben.id, fields: ['atsReference', 'assignedTo', 'teamPreference'] })).toMatch(
      /changed the ATS reference, assigned manager and team preference of Ben Francis/,
    );
    expect(say({ action: 'create', table: 'applications', recordId: ben.id, fields: ['name', 'email'] })).toMatch(/added Ben Francis’s application to Senior social worker, Assessment/);
    expect(say({ action: 'update', table: 'vacancies', recordId: vacancy.id, fields: ['closingDate', 'status'] })).toMatch(
      /^Tom Okafor changed the closing date and status of the vacancy Senior social worker, Assessment,/,
    );
    expect(say({ action: 'update', table: 'checks', recordId: check.id, fields: ['cleared'] })).toMatch(/changed the cleared date of the Enhanced DBS with children's barred list check of Ben Francis/);
    expect(say({ action: 'create', table: 'teams', recordId: team.id, fields: ['name', 'type'] })).toMatch(/added the team Assessment North/);
  });

  it('words the admin and account actions', () => {
    const admin = { userId: SAM.id, userName: SAM.name };
    expect(say({ ...admin, action: 'update_settings', table: 'settings', recordId: 'org', fields: ['shortlistWorkingDays', 'retentionMonths'] })).toMatch(
      /^Sam Kerr changed the council’s rules: shortlisting target and retention of rejected and withdrawn candidates,/,
    );
    expect(say({ ...admin, action: 'create_user', table: 'users', recordId: TOM.id, fields: ['name', 'email', 'role'] })).toMatch(/^Sam Kerr added Tom Okafor as team manager,/);
    expect(say({ ...admin, action: 'update_user', table: 'users', recordId: TOM.id, fields: ['role', 'teamId'] })).toMatch(/^Sam Kerr changed the role and team of Tom Okafor,/);
    expect(say({ ...admin, action: 'create_invitation', table: 'invitations', recordId: 'i', fields: null })).toMatch(/^Sam Kerr made a sign-in invitation,/);
    expect(say({ ...admin, action: 'subject_access', table: 'applications', recordId: ben.id, fields: ['email'] })).toMatch(/^Sam Kerr answered a subject-access request for Ben Francis \(found by email\),/);
    expect(say({ ...admin, action: 'subject_access', table: null, recordId: null, fields: ['reference'] })).toMatch(/found nothing \(found by ATS reference\)/);
    expect(say({ ...admin, action: 'export', table: 'applications', recordId: ben.id, fields: null })).toMatch(/exported everything held about Ben Francis/);
    expect(say({ ...admin, action: 'something_new', table: 'widgets', recordId: 'w', fields: null })).toMatch(/^Sam Kerr something new \(widgets\),/);
  });

  it('after an erasure names nobody: "erased a candidate", its notes folded into the one line', () => {
    const erased = { ...ben, name: null, email: null, erased: true };
    const records = recordsWith({ applications: [erased] });
    const at = '2026-12-03T09:00:00.000Z';
    const admin = { userId: SAM.id, userName: SAM.name, at };
    // Newest first, as the server answers: the notes were scrubbed after the application in the same batch.
    const trail = [
      entry({ ...admin, action: 'erase', table: 'checks', recordId: check.id, fields: ['note'] }),
      entry({ ...admin, action: 'erase', table: 'stage_events', recordId: shortlisted.id, fields: ['note'] }),
      entry({ ...admin, action: 'erase', table: 'stage_events', recordId: applied.id, fields: ['note'] }),
      entry({ ...admin, action: 'erase', table: 'applications', recordId: ben.id, fields: null }),
      entry({}),
    ];
    const items = foldErasures(trail);
    const lines = items.map((i) => auditSentence(i, records, NOW));
    expect(lines).toEqual(['Sam Kerr erased a candidate and the notes of 2 stage changes and 1 check, 3 Dec 09:00', 'Tom Okafor moved an erased candidate from Applied to Shortlisted, 2 Dec 10:14']);
    expect(lines.join(' ')).not.toMatch(/Ben|Francis/);
    // The retention schedule erases as well; a user removed since is said to be.
    expect(say({ userId: 'retention', userName: 'Retention schedule', action: 'erase', table: 'applications', recordId: ben.id, fields: null }, records)).toMatch(/^Retention schedule erased a candidate,/);
    expect(say({ userId: 'gone', userName: null })).toMatch(/^A removed user moved/);
  });

  it('folds only the notes of the same erasure: another instant or user stays its own line', () => {
    const a = entry({ action: 'erase', table: 'stage_events', recordId: applied.id, fields: ['note'], at: '2026-12-03T09:00:01.000Z' });
    const b = entry({ action: 'erase', table: 'applications', recordId: ben.id, fields: null, at: '2026-12-03T09:00:00.000Z' });
    const folded = foldErasures([a, b]);
    expect(folded.map((i) => [i.entry.table, i.alsoErased.stageEvents])).toEqual([
      ['stage_events', 0],
      ['applications', 0],
    ]);
  });

  it('describes a record the browser does not hold without naming it', () => {
    const records = recordsWith({ applications: [], vacancies: [] }, []);
    expect(say({}, records)).toBe('Tom Okafor recorded a stage change of a candidate, 2 Dec 10:14');
    expect(say({ action: 'update', table: 'applications', recordId: ben.id, fields: ['phone'] }, records)).toMatch(/changed the phone of a candidate/);
    expect(say({ action: 'update', table: 'vacancies', recordId: vacancy.id, fields: ['status'] }, records)).toMatch(/changed the status of a vacancy/);
  });

  it('exports the lines as CSV with the raw keys beside the words', () => {
    const csv = toCsv([item(entry({}))], auditCsvColumns(recordsWith(), NOW));
    const [head, row] = csv.trim().split('\r\n');
    expect(head).toBe('When (London),When (UTC),Who,What happened,Action,Kind of record,Record id,Fields changed');
    expect(row).toBe(`2 Dec 10:14,2026-12-02T10:14:00.000Z,Tom Okafor,moved Ben Francis from Applied to Shortlisted,create,Stage changes,${shortlisted.id},application; stage; at; by; note`);
  });
});
