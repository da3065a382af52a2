import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CHILD_PERSONAL_FIELDS, PERSONAL_DATA, PERSONAL_FIELDS, SYNC_TABLES, SYNC_TABLE_NAMES } from '#shared/schema/index';
import { ERASURE_DEPENDENTS, ERASURE_NAMED, erasedFieldsOf } from '#shared/sync/erasure';

// A convention enforced by a test: every field of every synced table says whether it is
// personal data (shared/schema/personal.ts), so a new field cannot slip past erasure unnoticed.
describe('personal data declaration', () => {
  for (const table of SYNC_TABLE_NAMES) {
    it(`${table}: every field of the schema is declared, and nothing else`, () => {
      const schema = SYNC_TABLES[table].schema;
      expect(schema).toBeInstanceOf(z.ZodMiniObject);
      const fields = Object.keys((schema as z.ZodMiniObject).shape).filter((f) => f !== 'id').sort();
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

  it("a member of staff's erasure reaches their records and takes the words about them, not the links, user ids or what the measures count", () => {
    expect(ERASURE_DEPENDENTS.staff.map((d) => `${d.table}.${d.link}→${d.parent}`).sort()).toEqual([
      'exit_interviews.leaverId→leavers',
      'incentives.staffId→staff',
      'leavers.staffId→staff',
      'stay_conversations.staffId→staff',
      'transfers.staffId→staff',
    ]);
    const taken = Object.fromEntries(['staff', ...ERASURE_DEPENDENTS.staff.map((d) => d.table)].map((t) => [t, erasedFieldsOf('staff', t as never)]));
    expect(taken).toEqual({ staff: ['name'], leavers: [], exit_interviews: ['heldWith', 'notes'], stay_conversations: ['notes'], transfers: [], incentives: [] });
    // Beyond their own records: the notes of the posts they held, left or moved into (a post's note may name its holder).
    expect(ERASURE_NAMED.staff.map((d) => `${d.parent}.${d.link}→${d.table}`).sort()).toEqual(['leavers.postId→posts', 'staff.postId→posts', 'transfers.toPostId→posts']);
    expect(erasedFieldsOf('staff', 'posts')).toEqual(['note']);
    expect(ERASURE_NAMED.applications).toEqual([]);
    // The candidate's erasure is the same rule: the application's candidate fields, its events' and checks' notes.
    expect(erasedFieldsOf('candidate', 'applications')).toEqual(PERSONAL_FIELDS);
    expect(ERASURE_DEPENDENTS.applications.map((d) => [d.table, erasedFieldsOf('candidate', d.table)])).toEqual([
      ['stage_events', ['note']],
      ['checks', ['note']],
    ]);
  });
});
