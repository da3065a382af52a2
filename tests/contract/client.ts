import { uuidv7 } from 'uuidv7';
import { formatHlc } from '#shared/hlc';
import { SYNC_SCHEMA_VERSION, type Change, type Mutation, type PullResponse, type PushResponse, type SyncTable } from '#shared/schema/index';

/** A server's answer: status and parsed JSON body (the text when it is not JSON). */
export interface Reply<T = any> {
  status: number;
  body: T;
}

/** How a client reaches a sync server: the worker in workerd, or the unit tests' fake. */
export interface SyncTransport {
  /** POST /v1/sync/push; token null sends no Authorization header. */
  push(token: string | null, body: unknown): Promise<Reply>;
  /** GET /v1/sync/pull with this query string (`?cursor=…&limit=…`, or ''). */
  pull(token: string | null, query: string): Promise<Reply>;
}

export type PushReply = Reply<PushResponse & { error: { code: string; message: string; details?: any } }>;

/** A client of the sync protocol, keeping its own sequence numbers and clock. */
export class SyncClient {
  seq = 0;
  counter = 0;
  /** The need-to-know scope of the last pull answer, sent back like the extension does. */
  scope: string | undefined;
  readonly clientId: string;

  constructor(
    readonly transport: SyncTransport,
    public token: string,
    clientId?: string,
  ) {
    this.clientId = clientId ?? `client-${uuidv7()}`;
  }

  hlc(wall = Date.now() - 1000): string {
    return formatHlc({ wall, counter: this.counter++, node: this.clientId });
  }

  mutation(table: SyncTable, op: Mutation['op'], recordId: string, fields?: Record<string, unknown>, wall?: number): Mutation {
    return { id: uuidv7(), seq: ++this.seq, table, op, recordId, ...(fields ? { fields } : {}), hlc: this.hlc(wall) };
  }

  upsert(table: SyncTable, recordId: string, fields: Record<string, unknown>, wall?: number): Mutation {
    return this.mutation(table, 'upsert', recordId, fields, wall);
  }

  push(mutations: Mutation[], schemaVersion = SYNC_SCHEMA_VERSION): Promise<PushReply> {
    return this.transport.push(this.token, { clientId: this.clientId, schemaVersion, mutations });
  }

  async pull(cursor = 0, limit?: number): Promise<Reply<PullResponse>> {
    const scope = this.scope === undefined ? '' : `&scope=${encodeURIComponent(this.scope)}`;
    const r = await this.transport.pull(this.token, `?cursor=${cursor}${limit ? `&limit=${limit}` : ''}${scope}`);
    if (r.status === 200 && typeof r.body?.scope === 'string') this.scope = r.body.scope;
    return r;
  }

  /** Pulls every page after `cursor`; returns the changes and the final cursor. */
  async pullAll(cursor = 0, limit = 2000): Promise<{ changes: Change[]; cursor: number; pages: number }> {
    const changes: Change[] = [];
    let pages = 0;
    for (;;) {
      const r = await this.pull(cursor, limit);
      if (r.status !== 200) throw new Error(`pull failed ${r.status} ${JSON.stringify(r.body)}`);
      pages++;
      if (r.body.cursor < cursor) throw new Error('cursor went backwards');
      changes.push(...r.body.changes);
      cursor = r.body.cursor;
      if (!r.body.hasMore) return { changes, cursor, pages };
    }
  }
}

/** The records a client holds after applying these changes in order (null: a tombstone), by `table:id`. */
export function materialise(changes: Change[]): Map<string, Record<string, unknown> | null> {
  const m = new Map<string, Record<string, unknown> | null>();
  for (const c of changes) m.set(`${c.table}:${c.recordId}`, c.record);
  return m;
}
