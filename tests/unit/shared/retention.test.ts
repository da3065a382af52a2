import { describe, expect, it } from 'vitest';
import { addMonths, isExpiredOffline, isRetentionExpired, retentionDue, retentionQueryBound } from '#shared/retention';
import { DEFAULT_SETTINGS, type StageEvent } from '#shared/schema/index';

const APP = '0190a000-0000-7000-8000-00000000000a';
let n = 0;
const ev = (stage: StageEvent['stage'], at: string, extra: Partial<StageEvent> = {}): StageEvent => ({
  id: `0190a000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  applicationId: APP,
  stage,
  at,
  by: 'u',
  ...(stage === 'rejected' ? { reason: 'not_qualified' as const } : stage === 'withdrawn' ? { reason: 'salary' as const } : {}),
  ...extra,
});
const settings = { retentionMonths: 6, hiredRetentionMonths: 0 };

describe('retention dates', () => {
  it('adds calendar months, clamping the day to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
  });

  it('defaults to six months after an exit, and never for a hire', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ retentionMonths: 6, hiredRetentionMonths: 0, auditRetentionMonths: 72, changeLogRetentionDays: 90 });
  });

  it('counts from the London date of a rejection or withdrawal', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
    const events = [ev('applied', '2026-03-02T09:00:00Z'), ev('withdrawn', '2026-03-31T23:30:00Z')];
    expect(retentionDue(events, settings)).toEqual({ reason: 'exit', endedOn: '2026-04-01', erasedOn: '2026-10-01' });
    expect(isRetentionExpired(events, settings, '2026-09-30')).toBe(false);
    expect(isRetentionExpired(events, settings, '2026-10-01')).toBe(true);
  });

  it('keeps open applications, reopened ones, and everything when the period is 0', () => {
    expect(retentionDue([ev('applied', '2020-01-01T09:00:00Z')], settings)).toBeNull();
    const reopened = [ev('applied', '2020-01-01T09:00:00Z'), ev('rejected', '2020-01-02T09:00:00Z'), ev('applied', '2020-01-03T09:00:00Z')];
    expect(isRetentionExpired(reopened, settings, '2026-01-01')).toBe(false);
    const rejected = [ev('rejected', '2020-01-02T09:00:00Z')];
    expect(isRetentionExpired(rejected, { ...settings, retentionMonths: 0 }, '2030-01-01')).toBe(false);
    expect(isRetentionExpired(rejected, settings, '2030-01-01')).toBe(true);
  });

  it('erases a hire only after its own period, counted from the start', () => {
    const hired = [ev('applied', '2025-01-01T09:00:00Z'), ev('started', '2025-03-03T09:00:00Z')];
    expect(isRetentionExpired(hired, settings, '2040-01-01')).toBe(false);
    expect(retentionDue(hired, { ...settings, hiredRetentionMonths: 24 })).toEqual({ reason: 'hire', endedOn: '2025-03-03', erasedOn: '2027-03-03' });
  });

  it('gives a query bound no expired exit is later than', () => {
    expect(retentionQueryBound({ retentionMonths: 0, hiredRetentionMonths: 0 }, '2026-10-01')).toBeNull();
    const bound = retentionQueryBound(settings, '2026-10-01')!;
    const events = [ev('withdrawn', '2026-03-31T23:30:00Z')];
    expect(isRetentionExpired(events, settings, '2026-10-01')).toBe(true);
    expect(events[0]!.at < bound).toBe(true);
    // End of month: 31 Aug + 6 months = 28 Feb, so on 28 Feb the exit of 31 Aug is due.
    expect(isRetentionExpired([ev('rejected', '2026-08-31T10:00:00Z')], settings, '2027-02-28')).toBe(true);
    expect('2026-08-31T10:00:00Z' < retentionQueryBound(settings, '2027-02-28')!).toBe(true);
  });

  it("erases offline only when the browser has not synced since the server's run had its chance", () => {
    const events = [ev('rejected', '2026-03-02T10:00:00Z')];
    // Due on 2 September; the server's run has surely reached it by 4 September.
    expect(isExpiredOffline(events, settings, '2026-09-01', null)).toBe(false);
    expect(isExpiredOffline(events, settings, '2026-09-02', null)).toBe(true);
    expect(isExpiredOffline(events, settings, '2026-09-20', '2026-09-03')).toBe(true);
    expect(isExpiredOffline(events, settings, '2026-09-20', '2026-09-04')).toBe(false);
  });
});
