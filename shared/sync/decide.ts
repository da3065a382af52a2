import { clampHlc } from '../hlc';
import { DEFAULT_SETTINGS, PERSONAL_DATA, SYNC_TABLES, type ConflictRecord, type Personal, type Mutation, type Settings, type SyncTable } from '../schema/index';
import { dependentRows, ERASABLE, erasedFieldsOf, erasedOwnerOf, isErasable, tombstoneOf, withoutFields, type ErasableTable, type ErasedRecords } from './erasure';
import { mergeDelete, mergeErase, mergeUpsert } from './merge';
import type { Caller, PeopleLookup } from './people';
import { mondayOf, roleRefusal } from './permissions';
import { referenceIssues } from './references';
import { forbiddenMutations, invalidMutations, type RefusedMutation, type Refusal } from './refusals';
import type { RowLookup, SyncRow } from './rows';
import { stampStageEvent, withServerFields } from './stage-history';
import { validateMutation } from './validate';

/** One entry of the change log that pulls page through. */
export interface ChangeEntry {
  table: string;
  recordId: string;
  op: 'create' | 'update' | 'delete' | 'erase' | 'conflict';
  /** The fields applied (`{}`: an edit that lost, logged so its writer pulls the winner), or null. */
  payload: Record<string, unknown> | null;
  mutationId: string;
}

/**
 * One row of the audit log: who did what to which record, the fields changed, and the new
 * values of those that are not personal data (for personal ones only that they changed).
 */
export interface AuditEntry {
  action: string;
  table: string | null;
  recordId: string | null;
  fields: string[] | null;
  values?: Record<string, unknown> | null;
}

/** The applied values the audit may keep: fields declared `none` in shared/schema/personal.ts. */
function auditValues(table: SyncTable, applied: Record<string, unknown>): Record<string, unknown> {
  const declared = PERSONAL_DATA[table] as Record<string, Personal>;
  return Object.fromEntries(Object.entries(applied).filter(([f]) => declared[f] === 'none'));
}

/**
 * Personal data to scrub from the change log and conflicts, table by table: an erased or
 * deleted application and its stage events' and checks' notes, an erased member of staff and
 * their records (./erasure.ts), or deleted stage events and checks alone.
 */
export type Erasure = ErasedRecords;

/** Everything one accepted push writes, all or nothing. */
export interface PushPlan {
  applied: number;
  /** Rows in their new state, in the order first written. */
  rows: { table: SyncTable; row: SyncRow }[];
  /** The change log, in order. */
  changes: ChangeEntry[];
  audit: AuditEntry[];
  conflicts: ConflictRecord[];
  erasures: Erasure[];
}

/** Checks a test server adds to the sync rules. */
export interface PushChecks {
  /** Why this caller may not make the mutation, or null (besides the role policy). */
  refusal?(m: Mutation, fields: Record<string, unknown>, rows: RowLookup): string | null;
  /** More validation issues of a mutation. */
  issues?(m: Mutation): readonly string[];
}

export interface PushInput {
  /** The mutations to decide, in sequence order (see sequencePush). */
  mutations: Mutation[];
  /**
   * The stored rows these mutations touch, those they reference, and what the role policy reads
   * (the application and vacancy of a manager's event, its teams, the manager's rota slots).
   */
  stored: RowLookup;
  nowMs: number;
  /** Who pushes (the role is named in a 403). */
  caller: Caller;
  /** The users of the caller's organisation the push names (references, the role policy). */
  people: PeopleLookup;
  settings?: Pick<Settings, 'managersDecideOwnTeam'>;
  /** The server's own change (admin erasure, already authorised): no role policy. */
  trusted?: boolean;
  checks?: PushChecks;
}

/**
 * The push as it goes: stored rows overlaid by what earlier mutations of the same push wrote,
 * so that mutation n sees the effect of mutations 1..n-1.
 */
class Workspace implements RowLookup {
  private readonly written = new Map<SyncTable, Map<string, SyncRow>>();
  private readonly order: { table: SyncTable; id: string }[] = [];

  constructor(private readonly stored: RowLookup) {}

  get(t: SyncTable, id: string): SyncRow | null {
    return this.written.get(t)?.get(id) ?? this.stored.get(t, id);
  }

  all(t: SyncTable): SyncRow[] {
    const mine = this.written.get(t);
    if (!mine) return this.stored.all(t);
    const stored = this.stored.all(t);
    const known = new Set(stored.map((r) => r.id));
    return [...stored.map((r) => mine.get(r.id) ?? r), ...[...mine.values()].filter((r) => !known.has(r.id))];
  }

  put(t: SyncTable, row: SyncRow) {
    let mine = this.written.get(t);
    if (!mine) this.written.set(t, (mine = new Map()));
    if (!mine.has(row.id)) this.order.push({ table: t, id: row.id });
    mine.set(row.id, row);
  }

  rows(): PushPlan['rows'] {
    return this.order.map(({ table, id }) => ({ table, row: this.written.get(table)!.get(id)! }));
  }
}

const CHILD_TABLES = ['stage_events', 'checks'] as const;
const ref = (m: Mutation): RefusedMutation => ({ id: m.id, seq: m.seq, table: m.table, recordId: m.recordId });

/** The mutation with server-set fields replaced: stage events' `by` and late marks, rota slots' `givenBy`. */
function withServerSet(m: Mutation, caller: Caller): Mutation {
  if (m.op !== 'upsert') return m;
  if (m.table === 'stage_events') return { ...m, fields: withServerFields(m.fields, caller) };
  if (m.table === 'rota_slots' && m.fields && Object.hasOwn(m.fields, 'givenBy')) {
    const { givenBy: _dropped, ...fields } = m.fields;
    return { ...m, fields };
  }
  return m;
}

const uniqueRecords = <T extends { table: string; id: string }>(list: T[]): T[] => [...new Map(list.map((e) => [`${e.table}:${e.id}`, e])).values()];

/**
 * Decides a push on the rows it touches: validation, the caller's checks, field-level merge
 * by clock (clamped to server time + 60 s), append-only stage events, tombstones, erasure with
 * its notes, conflicts of critical fields. Either every mutation is accepted and the plan says
 * what to write, or the push is refused as a whole, naming each mutation at fault.
 */
export function decidePush(input: PushInput): { refusal: Refusal } | { plan: PushPlan } {
  const { nowMs, caller, checks = {} } = input;
  const nowIso = new Date(nowMs).toISOString();
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const thisWeek = mondayOf(nowIso);
  const ws = new Workspace(input.stored);
  const invalid: (RefusedMutation & { issues: string[] })[] = [];
  const refused: (RefusedMutation & { reason: string })[] = [];
  const changes: ChangeEntry[] = [];
  const audit: AuditEntry[] = [];
  const conflicts: ConflictRecord[] = [];
  const erased: { table: ErasableTable; id: string }[] = [];
  const deletedChildren: { table: SyncTable; id: string }[] = [];
  let applied = 0;

  /** An erased (or deleted) person's records lose the words about them: a candidate's notes, a member of staff's notes and names. */
  const scrubDependents = (table: ErasableTable, id: string, m: Mutation) => {
    for (const { table: t, rows } of dependentRows(table, id, ws)) {
      const fields = erasedFieldsOf(ERASABLE[table], t);
      for (const row of rows) {
        const scrubbed = withoutFields(row, fields);
        if (!scrubbed) continue;
        ws.put(t, scrubbed);
        changes.push({ table: t, recordId: row.id, op: 'erase', payload: null, mutationId: m.id });
        audit.push({ action: 'erase', table: t, recordId: row.id, fields: [...fields] });
      }
    }
  };

  for (const sent of input.mutations) {
    const m = withServerSet(sent, caller);
    const current = ws.get(m.table, m.recordId);
    const hlc = clampHlc(m.hlc, nowMs);
    const validated = validateMutation(m, current !== null);
    const issues = [...validated.issues, ...(checks.issues?.(m) ?? [])];
    const { fields } = validated;
    let lateRefusal: string | null = null;
    if (!validated.issues.length && m.op === 'upsert') {
      issues.push(...referenceIssues(m.table, fields, ws, input.people));
      if (m.table === 'stage_events') {
        const stamped = stampStageEvent(fields, hlc, nowMs, caller);
        issues.push(...stamped.issues);
        lateRefusal = stamped.refusal;
      }
    }
    if (issues.length) {
      invalid.push({ ...ref(m), issues });
      continue;
    }
    const why =
      (input.trusted ? null : roleRefusal(m, fields, { caller, thisWeek, settings, rows: ws, people: input.people })) ??
      lateRefusal ??
      checks.refusal?.(m, fields, ws) ??
      null;
    if (why) {
      refused.push({ ...ref(m), reason: why });
      continue;
    }
    // Once one mutation is refused nothing is written: the rest are only checked.
    if (invalid.length || refused.length) continue;
    if (m.table === 'rota_slots' && m.op === 'upsert' && Object.hasOwn(fields, 'managerId')) fields.givenBy = caller.userId;
    applied++;
    if (m.op === 'upsert') {
      // A record of an erased person (a candidate's stage event, a member of staff's exit interview) takes no words about them back.
      const owner = erasedOwnerOf(m.table, { ...current?.data, ...fields }, ws);
      if (owner) for (const f of erasedFieldsOf(ERASABLE[owner], m.table)) if (f in fields) fields[f] = null;
      const r = mergeUpsert(m.table, SYNC_TABLES[m.table].appendOnly, current, m.recordId, fields, hlc, nowMs, nowIso);
      for (const c of r.conflicts) {
        const id = crypto.randomUUID();
        conflicts.push({ id, table: m.table, recordId: m.recordId, ...c, at: nowIso });
        changes.push({ table: 'conflicts', recordId: id, op: 'conflict', payload: null, mutationId: m.id });
      }
      if (!r.changed) {
        // The whole edit lost (older clock, or a deleted record): log it anyway so the client
        // that made it pulls the winning record and converges, instead of keeping its own value.
        if (current) changes.push({ table: m.table, recordId: m.recordId, op: 'update', payload: {}, mutationId: m.id });
        continue;
      }
      ws.put(m.table, r.state);
      const op = current ? 'update' : 'create';
      changes.push({ table: m.table, recordId: m.recordId, op, payload: r.applied, mutationId: m.id });
      audit.push({ action: op, table: m.table, recordId: m.recordId, fields: Object.keys(r.applied), values: auditValues(m.table, r.applied) });
    } else if (m.op === 'delete') {
      // A tombstone keeps no personal data either: deleted is scrubbed like erased.
      const r = mergeDelete(current, m.recordId, hlc, nowIso);
      if (!r.changed) continue;
      ws.put(m.table, tombstoneOf(m.table, r.state));
      changes.push({ table: m.table, recordId: m.recordId, op: 'delete', payload: null, mutationId: m.id });
      audit.push({ action: 'delete', table: m.table, recordId: m.recordId, fields: null });
      // A deleted candidate or member of staff takes the words about them from their records too.
      if (isErasable(m.table)) {
        erased.push({ table: m.table, id: m.recordId });
        scrubDependents(m.table, m.recordId, m);
      } else if ((CHILD_TABLES as readonly string[]).includes(m.table)) deletedChildren.push({ table: m.table, id: m.recordId });
    } else if (isErasable(m.table)) {
      const r = mergeErase(m.table, current, m.recordId, hlc, nowIso);
      erased.push({ table: m.table, id: m.recordId });
      if (r.changed) {
        ws.put(m.table, r.state);
        changes.push({ table: m.table, recordId: m.recordId, op: 'erase', payload: null, mutationId: m.id });
        audit.push({ action: 'erase', table: m.table, recordId: m.recordId, fields: null });
      }
      scrubDependents(m.table, m.recordId, m);
    }
  }
  if (invalid.length) return { refusal: invalidMutations(invalid) };
  if (refused.length) return { refusal: forbiddenMutations(caller.role, refused) };

  const erasures: Erasure[] = [];
  const push = (table: SyncTable, ids: string[], fields: readonly string[]) => {
    if (ids.length && fields.length) erasures.push({ table, ids: [...new Set(ids)], fields });
  };
  for (const e of uniqueRecords(erased)) {
    push(e.table, [e.id], erasedFieldsOf(ERASABLE[e.table], e.table));
    for (const d of dependentRows(e.table, e.id, ws)) push(d.table, d.rows.map((r) => r.id), erasedFieldsOf(ERASABLE[e.table], d.table));
  }
  for (const t of CHILD_TABLES) push(t, deletedChildren.filter((c) => c.table === t).map((c) => c.id), erasedFieldsOf('candidate', t));
  return { plan: { applied, rows: ws.rows(), changes, audit, conflicts, erasures } };
}
