import { CANDIDATE_CHILD_TABLES, PERSONAL_DATA, SYNC_TABLE_NAMES, type Personal, type SyncTable } from '../schema/index';
import { REFERENCES } from './references';
import type { RowLookup, SyncRow } from './rows';

/**
 * What one erasure (UK GDPR) reaches, as one rule over two declarations: which fields are
 * whose personal data (shared/schema/personal.ts) and which fields link records (./references.ts).
 * Erasing a candidate (an application) or a member of staff (a staff record) nulls, in that
 * record and in every record that belongs to it, the fields declared of that person's kind,
 * except the ids that link records or name council users: those carry no words about the person
 * once the record they point at is erased, and the measures, permissions and audit need them.
 */

/** Tables whose records are a person who can be erased, and whose personal data they are. */
export const ERASABLE = { applications: 'candidate', staff: 'staff' } as const satisfies Partial<Record<SyncTable, Personal>>;
export type ErasableTable = keyof typeof ERASABLE;
export const isErasable = (t: SyncTable): t is ErasableTable => Object.hasOwn(ERASABLE, t);

/** A table whose records belong to an erasable record, found by `link` naming a record of `parent`. */
export interface Dependent {
  table: SyncTable;
  link: string;
  parent: SyncTable;
}

const referencesOf = (t: SyncTable) => REFERENCES[t] ?? [];

/**
 * A staff member's records: every record that references their staff record (leavers, Stay
 * conversations, transfers, incentives), and every record that references one of those (a
 * leaver's exit interview), so a new retention table is reached without being listed here.
 */
function staffDependents(): Dependent[] {
  const out: Dependent[] = [];
  const reached: SyncTable[] = ['staff'];
  for (let i = 0; i < reached.length; i++) {
    const parent = reached[i]!;
    for (const table of SYNC_TABLE_NAMES) {
      for (const r of referencesOf(table)) {
        if (r.target !== parent || r.many || reached.includes(table)) continue;
        out.push({ table, link: r.field, parent });
        reached.push(table);
      }
    }
  }
  return out;
}

/** The records each erasable record takes with it, parents before their own dependents. */
export const ERASURE_DEPENDENTS: Record<ErasableTable, readonly Dependent[]> = {
  // A candidate's stage events and checks (a hire's staff record is a member of staff: erased as one).
  applications: CANDIDATE_CHILD_TABLES.map((table) => ({ table, link: 'applicationId', parent: 'applications' })),
  staff: staffDependents(),
};

/**
 * A record that the person's own records name (`parent`'s field `link` holds its id) and whose
 * free text may be about whoever holds it: a post's note ("Jo on leave until March") is about
 * the staff member on it, the leaver who left it, the one who transferred into it. Their erasure
 * nulls those words too; the record is not theirs, so words written later stay.
 */
export type NamedRecord = Dependent;

/** For each erasable kind, the records its person's records name that carry words of that kind (found from the declarations). */
function namedRecords(table: ErasableTable): NamedRecord[] {
  const own = [table, ...ERASURE_DEPENDENTS[table].map((d) => d.table)];
  return own.flatMap((parent) =>
    referencesOf(parent)
      .filter((r) => !r.many && r.target !== 'users' && !own.includes(r.target) && erasedFieldsOf(ERASABLE[table], r.target).length > 0)
      .map((r) => ({ table: r.target as SyncTable, link: r.field, parent })),
  );
}

/** What each erasure reaches beyond the person's own records (for a member of staff: the posts they held, left or moved into). */
export const ERASURE_NAMED: Record<ErasableTable, readonly NamedRecord[]> = { applications: namedRecords('applications'), staff: namedRecords('staff') };

const DEPENDENT_OF = new Map<SyncTable, Dependent>(Object.values(ERASURE_DEPENDENTS).flatMap((ds) => ds.map((d) => [d.table, d] as const)));

/**
 * The erased (or deleted: scrubbed alike) person a record belongs to, following its links up
 * (exit interview → leaver → staff record), or null. `rows` must hold the records on the way up.
 */
export function erasedOwnerOf(table: SyncTable, data: Record<string, unknown> | undefined, rows: RowLookup): ErasableTable | null {
  for (let t = table, d = data; ; ) {
    const link = DEPENDENT_OF.get(t);
    const parentId = link && d?.[link.link];
    if (!link || typeof parentId !== 'string') return null;
    const parent = rows.get(link.parent, parentId);
    if (isErasable(link.parent)) return parent?.erased || parent?.deleted ? link.parent : null;
    t = link.parent;
    d = parent?.data;
  }
}

/** The records on the way up from a record to the person it belongs to: what erasedOwnerOf reads. */
export const parentLinkOf = (table: SyncTable): Dependent | undefined => DEPENDENT_OF.get(table);

/** The fields an erasure of a `kind` person nulls in a record of `table`. */
export function erasedFieldsOf(kind: Personal, table: SyncTable): readonly string[] {
  const declared = PERSONAL_DATA[table] as Record<string, Personal>;
  const links = new Set(referencesOf(table).map((r) => r.field));
  return Object.keys(declared).filter((f) => declared[f] === kind && !links.has(f));
}

/** One table's records an erasure scrubs, and which fields. */
export interface ErasedRecords {
  table: SyncTable;
  ids: string[];
  fields: readonly string[];
}

/**
 * The rows an erasure of the record reaches, table by table, from the rows `rows` holds: those
 * that belong to it (ERASURE_DEPENDENTS), then those they name (ERASURE_NAMED, one entry per table).
 */
export function dependentRows(table: ErasableTable, id: string, rows: RowLookup): { table: SyncTable; rows: SyncRow[] }[] {
  const ids = new Map<SyncTable, Set<string>>([[table, new Set([id])]]);
  const owned = ERASURE_DEPENDENTS[table].map((d) => {
    const parents = ids.get(d.parent) ?? new Set<string>();
    const found = rows.all(d.table).filter((r) => parents.has(String(r.data[d.link])));
    ids.set(d.table, new Set([...(ids.get(d.table) ?? []), ...found.map((r) => r.id)]));
    return { table: d.table, rows: found };
  });
  const found = (t: SyncTable, list: Iterable<string>) => [...list].flatMap((i) => rows.get(t, i) ?? []);
  const named = [...namedIds(table, (t) => found(t, ids.get(t) ?? []).map((r) => r.data))].map(([t, list]) => ({ table: t, rows: found(t, list) }));
  return [...owned, ...named];
}

/**
 * The ids of the records an erasure reaches by name (ERASURE_NAMED), table by table, read from
 * the person's own records as `recordsOf` gives them (the workspace, D1 or IndexedDB).
 */
export function namedIds(table: ErasableTable, recordsOf: (t: SyncTable) => readonly Record<string, unknown>[]): Map<SyncTable, Set<string>> {
  const out = new Map<SyncTable, Set<string>>();
  for (const n of ERASURE_NAMED[table]) {
    const found = recordsOf(n.parent).map((r) => r[n.link]).filter((v): v is string => typeof v === 'string' && v !== '');
    out.set(n.table, new Set([...(out.get(n.table) ?? []), ...found]));
  }
  return out;
}

/**
 * A tombstone keeps no personal data (deleted is scrubbed like erased): an erasable record loses
 * its person's fields, any other its candidate fields.
 */
export function tombstoneOf(table: SyncTable, row: SyncRow): SyncRow {
  const fields = isErasable(table) ? erasedFieldsOf(ERASABLE[table], table) : erasedFieldsOf('candidate', table);
  return withoutFields(row, fields) ?? row;
}

/** A copy of `row` without the fields, or null when it holds none of them. */
export function withoutFields(row: SyncRow, fields: readonly string[]): SyncRow | null {
  if (!fields.some((f) => row.data[f] != null)) return null;
  return { ...row, data: { ...row.data, ...Object.fromEntries(fields.filter((f) => f in row.data).map((f) => [f, null])) } };
}
