import { describe, expect, it } from 'vitest';
import { candidateName, staffName } from '#shared/names';
import { DEFAULT_SETTINGS } from '#shared/schema/organisation';
import { effectiveSettings } from '#shared/settings';

describe('effective settings', () => {
  it('keeps what the organisation stored and fills what it did not with the defaults', () => {
    expect(effectiveSettings({ interviewWorkingDays: 3 })).toEqual({ ...DEFAULT_SETTINGS, interviewWorkingDays: 3 });
    expect(effectiveSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(effectiveSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the defaults whole when the stored settings cannot be read', () => {
    expect(effectiveSettings({ interviewWorkingDays: 'soon', shortlistWorkingDays: 2 })).toEqual(DEFAULT_SETTINGS);
    expect(effectiveSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});

describe('candidate names', () => {
  it('show an erased candidate as erased', () => {
    expect(candidateName({ name: 'Ann Lee' })).toBe('Ann Lee');
    expect(candidateName({ name: null })).toBe('Erased candidate');
  });
});

describe('staff names', () => {
  it('show a colleague outside the reader\'s scope, or erased, without a name (the retention pages sort and show these)', () => {
    expect(staffName({ name: 'Dee Marsh' })).toBe('Dee Marsh');
    expect(staffName({ name: null, redacted: true })).toBe('Member of staff outside your scope');
    expect(staffName({ name: null })).toBe('Erased member of staff');
  });
});
