import { describe, expect, it } from 'vitest';
import type { Application, Vacancy } from '#shared/schema/index';
import { auditSearch, candidatesFound, EMPTY_FILTERS, londonMidnight, readFilters, recordChoices } from '@/ui/workspace/admin/audit/auditFilters';
import { auditRecordsOf } from '@/ui/workspace/admin/audit/auditRecords';

const vacancy: Vacancy = { id: '00000000-0000-4000-8000-00000000000b', title: 'Social worker, Court', teamIds: [], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open' };
const app = (n: number, name: string, over: Partial<Application> = {}): Application => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  vacancyId: vacancy.id,
  name,
  source: 'community_care',
  experience: 'nqsw',
  receivedDate: `2026-11-${String(10 + (n % 15)).padStart(2, '0')}`,
  ...over,
});
const ben1 = app(1, 'Ben Francis', { email: 'ben@example.org' });
const ben2 = app(2, 'Ben Francis', { email: 'ben@example.org', atsReference: 'REF-77' });
const amy = app(3, 'Amy Stone');
const applications = [ben1, ben2, amy];

describe('audit filters', () => {
  it('London days start at midnight London time, in winter and in summer', () => {
    expect(londonMidnight('2026-12-02')).toBe('2026-12-02T00:00:00.000Z');
    expect(londonMidnight('2026-06-02')).toBe('2026-06-01T23:00:00.000Z');
    // The days of the clock changes themselves.
    expect(londonMidnight('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(londonMidnight('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
  });

  it('turns the filters into the query: both days inclusive, a candidate as their applications', () => {
    const read = readFilters({ ...EMPTY_FILTERS, userId: 'user-tom', candidate: 'ben@EXAMPLE', from: '2026-06-01', to: '2026-06-30' }, applications, [vacancy]);
    expect(read).toEqual({
      ok: true,
      params: { userId: 'user-tom', applicationIds: expect.any(String), from: '2026-05-31T23:00:00.000Z', to: '2026-06-30T23:00:00.000Z' },
      candidates: expect.any(Array),
    });
    if (!read.ok) return;
    expect(read.params.applicationIds!.split(',').sort()).toEqual([ben1.id, ben2.id].sort());
    expect(candidatesFound(read.candidates)).toBe('Ben Francis (2 applications)');
    expect(readFilters({ ...EMPTY_FILTERS, candidate: 'REF-77' }, applications, [vacancy])).toMatchObject({ ok: true, params: { applicationIds: ben2.id } });
    expect(readFilters(EMPTY_FILTERS, applications, [vacancy])).toEqual({ ok: true, params: {}, candidates: [] });
  });

  it('says what is wrong next to each field, in words', () => {
    const read = readFilters({ ...EMPTY_FILTERS, candidate: 'Zed', recordId: 'abc', from: '2026-12-05', to: '2026-12-01' }, applications, [vacancy]);
    expect(read).toEqual({
      ok: false,
      errors: { candidate: 'No candidate held in this browser matches “Zed”', recordId: 'Choose the kind of record first', to: 'must be on or after the first day' },
    });
    expect(readFilters({ ...EMPTY_FILTERS, candidate: 'B' }, applications, [vacancy])).toMatchObject({ ok: false, errors: { candidate: /at least 2 letters/ } });
    const many = Array.from({ length: 21 }, (_, i) => app(100 + i, `Jo Bloggs ${i}`));
    expect(readFilters({ ...EMPTY_FILTERS, candidate: 'Jo Bloggs' }, many, [vacancy])).toMatchObject({ ok: false, errors: { candidate: /More than 20 applications match/ } });
  });

  it('offers the records of a kind this browser can name, and builds the page query', () => {
    const records = auditRecordsOf({ people: [{ id: 'u1', name: 'Zoe', role: 'manager', active: true }, { id: 'u2', name: 'Adam', role: 'admin', active: true }], applications, events: new Map(), checks: [], vacancies: [vacancy], teams: [], adverts: [], slots: [] });
    expect(recordChoices('users', records)).toEqual([
      { value: 'u2', label: 'Adam' },
      { value: 'u1', label: 'Zoe' },
    ]);
    expect(recordChoices('vacancies', records)).toEqual([{ value: vacancy.id, label: 'Social worker, Court' }]);
    expect(recordChoices('credentials', records)).toEqual([]);
    expect(auditSearch({ table: 'vacancies', recordId: vacancy.id }, { cursor: '42', limit: 50 })).toBe(`?table=vacancies&recordId=${vacancy.id}&cursor=42&limit=50`);
  });
});
