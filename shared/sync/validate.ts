import type * as z from 'zod/mini';
import { describeIssues, SYNC_TABLES, type Mutation } from '../schema/index';
import { isErasable } from './erasure';

export interface ValidatedMutation {
  /** "field: problem" lines; empty when the mutation is valid. */
  issues: string[];
  /** Parsed field values (trimmed etc.), without `id`. */
  fields: Record<string, unknown>;
}

/**
 * Checks one mutation against its table's zod schema. A creation (or any stage event,
 * which is append-only) is checked as a whole record; an upsert of an existing record
 * field by field (cross-field rules of the schema are checked at creation only, since
 * concurrent edits of two fields may meet in between).
 */
export function validateMutation(m: Mutation, exists: boolean): ValidatedMutation {
  const def = SYNC_TABLES[m.table];
  const schema = def.schema as unknown as z.ZodMiniObject<Record<string, z.ZodMiniType>>;
  if (m.op === 'delete') {
    if (def.appendOnly) return { issues: ['op: stage events are append-only; record a new event instead of deleting one'], fields: {} };
    return { issues: [], fields: {} };
  }
  if (m.op === 'erase') {
    if (!isErasable(m.table)) return { issues: [`op: erase applies to applications and staff only, not ${m.table}`], fields: {} };
    // Erasing an id the server does not hold would leave a live half-record no report can read.
    if (!exists) return { issues: [`recordId: no ${m.table === 'staff' ? 'staff record' : 'application'} ${m.recordId} in your organisation to erase`], fields: {} };
    return { issues: [], fields: {} };
  }
  const given = m.fields;
  if (!given || Object.keys(given).length === 0) return { issues: ['fields: an upsert needs at least one field'], fields: {} };
  const issues: string[] = [];
  const { id: givenId, ...rest } = given;
  if (givenId !== undefined && givenId !== m.recordId) issues.push('id: must equal the mutation recordId');
  // Own keys only: `constructor`, `toString`, `__proto__` are "in" every object.
  for (const key of Object.keys(rest)) if (!Object.hasOwn(schema.shape, key)) issues.push(`${fieldName(key)}: is not a field of ${m.table}`);
  if (rest.erased === true) issues.push(`erased: use op "erase" to erase a ${m.table === 'staff' ? 'member of staff' : 'candidate'}`);
  if (issues.length) return { issues, fields: {} };

  if (def.appendOnly || !exists) {
    const parsed = schema.safeParse({ ...rest, id: m.recordId });
    if (!parsed.success) {
      // A missing required field says so, rather than what its value should have looked like.
      const missing = Object.keys(schema.shape).filter((k) => k !== 'id' && !Object.hasOwn(rest, k) && !schema.shape[k]!.safeParse(undefined).success);
      const lines = [
        ...missing.map((k) => `${k}: is required (a new record needs all its required fields)`),
        ...describeIssues(parsed.error).filter((l) => !missing.some((k) => l.startsWith(`${k}: `))),
      ];
      return { issues: lines, fields: {} };
    }
    const { id: _id, ...fields } = parsed.data as Record<string, unknown>;
    return { issues: [], fields };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    const parsed = schema.shape[key]!.safeParse(value);
    if (parsed.success) fields[key] = parsed.data;
    else issues.push(...parsed.error.issues.map((i) => `${[key, ...i.path].join('.')}: ${i.message}`));
  }
  return { issues, fields };
}

/** A field name as quoted in an issue: a hostile one (200 KB, control characters) is cut short. */
const fieldName = (key: string) => JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key).slice(1, -1);
