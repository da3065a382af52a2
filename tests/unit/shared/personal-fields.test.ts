import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHILD_PERSONAL_FIELDS, PERSONAL_DATA, PERSONAL_FIELDS, SYNC_TABLES, SYNC_TABLE_NAMES } from '#shared/schema/index';

// A convention enforced by a test: every field of every synced table says whether it is
// personal data (shared/schema/personal.ts), so a new field cannot slip past erasure unnoticed.
describe('personal data declaration', () => {
  for (const table of SYNC_TABLE_NAMES) {
    it(`${table}: every field of the schema is declared, and nothing else`, () => {
      const schema = SYNC_TABLES[table].schema;
      expect(schema).toBeInstanceOf(z.ZodObject);
      const fields = Object.keys((schema as z.ZodObject).shape).filter((f) => f !== 'id').sort();
      const declared = Object.keys(PERSONAL_DATA[table]).sort();
      const undeclared = fields.filter((f) => !declared.includes(f));
      const stale = declared.filter((f) => !fields.includes(f));
      expect(undeclared, `say in shared/schema/personal.ts whether ${table}.${undeclared.join(', ')} is personal`).toEqual([]);
      expect(stale, `${table}.${stale.join(', ')} is declared but not in the schema`).toEqual([]);
      for (const kind of Object.values(PERSONAL_DATA[table])) expect(['candidate', 'staff', 'none']).toContain(kind);
    });
  }

  it('erases every contact and free-text field of a candidate, and keeps what the measures need', () => {
    expect([...PERSONAL_FIELDS].sort()).toEqual(['atsReference', 'atsUrl', 'email', 'name', 'phone', 'referrer', 'teamPreference']);
    for (const kept of ['vacancyId', 'source', 'experience', 'yearsQualified', 'receivedDate']) expect(PERSONAL_FIELDS).not.toContain(kept);
    expect(CHILD_PERSONAL_FIELDS).toEqual({ stage_events: ['note'], checks: ['note'] });
  });
});
