import type { RecordOf, SyncTable } from '../schema/index';

/**
 * A change a domain rule asks for: an upsert of some fields of one record. The rules of
 * shared/staff/ are pure; the caller writes their changes (each with its outbox entry).
 */
export interface PlannedUpsert<T extends SyncTable = SyncTable> {
  table: T;
  id: string;
  fields: Partial<Omit<RecordOf<T>, 'id'>>;
}

export const upsert = <T extends SyncTable>(table: T, id: string, fields: PlannedUpsert<T>['fields']): PlannedUpsert<T> => ({ table, id, fields });

/** How a freed post is covered from the day after its holder leaves. */
export type CoverAfter =
  | { cover: 'vacant' }
  | { cover: 'agency'; agencyName?: string | null; agencyWeeklyCost?: number | null; coverEndDate?: string | null };

/** The post fields for a cover: agency details only with agency cover, cleared otherwise. */
export function coverFields(after: CoverAfter | { cover: 'permanent' }): PlannedUpsert<'posts'>['fields'] {
  if (after.cover === 'agency') {
    return { cover: 'agency', agencyName: after.agencyName ?? null, agencyWeeklyCost: after.agencyWeeklyCost ?? null, coverEndDate: after.coverEndDate ?? null };
  }
  return { cover: after.cover, agencyName: null, agencyWeeklyCost: null, coverEndDate: null };
}
