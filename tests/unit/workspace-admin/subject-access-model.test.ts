import { describe, expect, it } from 'vitest';
import type { ErasureProgressResponse, ExportResponse, SubjectAccessResponse } from '#shared/api/index';
import { erasurePlan, heldApplications, progressWords } from '@/ui/workspace/admin/subject-access/subjectAccessModel';

const VACANCY = '00000000-0000-4000-8000-00000000000b';
const exportOf = (id: string, over: Partial<ExportResponse> = {}): ExportResponse => ({
  applicationId: id,
  generatedAt: '2026-12-03T09:00:00Z',
  application: { id, vacancyId: VACANCY, name: 'Ben Francis', email: 'ben@example.org', phone: null, atsReference: 'REF-1', receivedDate: '2026-11-23', source: 'referral', referrer: 'Amy Stone' },
  deleted: false,
  erased: false,
  stageEvents: [
    { id: `${id}-e2`, applicationId: id, stage: 'shortlisted', at: '2026-12-02T10:14:00Z', by: 'user-tom', note: 'Strong' },
    { id: `${id}-e1`, applicationId: id, stage: 'applied', at: '2026-11-23T09:00:00Z', by: 'user-priya' },
  ],
  checks: [{ id: `${id}-c1`, applicationId: id, kind: 'references', note: 'Two received' }],
  conflicts: [],
  changes: [],
  audit: [{ at: '2026-12-02T10:14:00Z', userId: 'user-tom', action: 'create', table: 'stage_events', recordId: `${id}-e2`, fields: ['stage'] }],
  ...over,
});
const body = (apps: ExportResponse[]): SubjectAccessResponse => ({ generatedAt: '2026-12-03T09:00:00Z', matchedBy: 'email', applications: apps, staff: [] });
const titles = new Map([[VACANCY, 'Senior social worker, Assessment']]);

describe('subject access and erasure, in words', () => {
  it('lists what is held per application: the personal details with their values, history in order, checks, audit', () => {
    const [held] = heldApplications(body([exportOf('a1')]), titles);
    expect(held).toMatchObject({ id: 'a1', name: 'Ben Francis', vacancy: 'Senior social worker, Assessment', received: '2026-11-23', erased: false, conflicts: 0 });
    expect(held!.personal).toEqual([
      { field: 'name', label: 'name', value: 'Ben Francis' },
      { field: 'email', label: 'email', value: 'ben@example.org' },
      { field: 'referrer', label: 'referrer', value: 'Amy Stone' },
      { field: 'atsReference', label: 'ATS reference', value: 'REF-1' },
    ]);
    expect(held!.stageEvents.map((e) => e.stage)).toEqual(['applied', 'shortlisted']);
    expect(held!.audit).toEqual([expect.objectContaining({ action: 'create', table: 'stage_events', userId: 'user-tom', fields: ['stage'] })]);
  });

  it('names what an erasure takes: the applications, the personal details, the notes, and what stays', () => {
    const held = heldApplications(body([exportOf('a1'), exportOf('a2', { conflicts: [{ id: 'k', field: 'email' }] }), exportOf('a3', { erased: true, application: { vacancyId: VACANCY, name: null, receivedDate: '2026-01-05' } })]), titles);
    const plan = erasurePlan(held, 'Demo Council');
    expect(plan.applicationIds).toEqual(['a1', 'a2']);
    expect(plan.title).toBe('Erase Ben Francis?');
    expect(plan.lines).toEqual([
      '2 applications: Senior social worker, Assessment, received Mon 23 Nov 2026; Senior social worker, Assessment, received Mon 23 Nov 2026.',
      'Personal details: name, email, referrer and ATS reference, removed from the server, its change log and every browser of Demo Council (offline ones when they next sync).',
      'The notes of 2 stage changes and 2 checks.',
      'The values kept in 1 conflicting edit.',
      'What stays, naming nobody: stages and their dates, reasons, source and the audit trail, so the council’s measures still count them.',
    ]);
    expect(held[2]).toMatchObject({ name: 'Erased candidate', personal: [] });
    expect(erasurePlan([held[2]!], 'Demo Council').applicationIds).toEqual([]);
  });

  it('says how far an erasure has got across the active browsers, and who is still to sync', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const p: ErasureProgressResponse = {
      applicationId: 'a1',
      erasedAt: '2026-12-03T09:00:00Z',
      changeSeq: 40,
      activeSince: '2026-11-03T10:00:00Z',
      browsers: [
        { tokenPrefix: 'sl_ab', userId: 'u1', userName: 'Sam Kerr', role: 'admin', lastPulledAt: '2026-12-03T09:59:50Z', pulledPast: true },
        { tokenPrefix: 'sl_cd', userId: 'u2', userName: 'Tom Okafor', role: 'manager', lastPulledAt: '2026-12-03T08:00:00Z', pulledPast: false },
      ],
      pulledPast: 1,
      active: 2,
    };
    expect(progressWords(p, now)).toEqual({ headline: '1 of 2 active browsers have pulled the erasure.', done: false, waiting: ['Tom Okafor’s browser (last synced 2 hours ago)'] });
    expect(progressWords({ ...p, pulledPast: 2, browsers: p.browsers.map((b) => ({ ...b, pulledPast: true })) }, now)).toMatchObject({ headline: 'All 2 active browsers of the council have pulled the erasure.', done: true, waiting: [] });
    expect(progressWords({ ...p, browsers: [], pulledPast: 0, active: 0 }, now).headline).toMatch(/No browser of the council has synced/);
  });
});
