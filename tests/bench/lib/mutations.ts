import { formatHlc } from '#shared/hlc';
import type { Mutation } from '#shared/schema/index';

/** Upserts of whole records, numbered 1, 2, 3... for one client, as the extension's outbox sends them. */
export class MutationSource {
  private seq = 0;
  constructor(readonly clientId: string) {}

  upsert(table: Mutation['table'], record: { id: string } & Record<string, unknown>): Mutation {
    const seq = ++this.seq;
    const { id, ...fields } = record;
    return { id: crypto.randomUUID(), seq, table, op: 'upsert', recordId: id, fields, hlc: formatHlc({ wall: Date.now(), counter: seq % 1_000_000, node: this.clientId }) };
  }
}
