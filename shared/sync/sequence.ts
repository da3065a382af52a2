import type { Mutation } from '../schema/index';
import { clientMismatch, duplicateSequence, sequenceGap, sequenceReused, type Refusal } from './refusals';

/** What the server holds about the pushing client (none before its first push). */
export interface ClientState {
  userId: string;
  lastSeq: number;
}

export interface PushingClient {
  /** The caller, from the credential. */
  userId: string;
  state: ClientState | null;
  /** Which of the pushed mutation ids were applied before. */
  appliedIds: ReadonlySet<string>;
}

export interface Sequenced {
  /** The client's last applied sequence before this push. */
  baseSeq: number;
  /** ...and after it. */
  newLastSeq: number;
  /** The mutations to decide, in sequence order: neither at or below baseSeq nor applied before. */
  fresh: Mutation[];
  skipped: number;
  /** Nothing to write at all: every mutation was a replay. */
  noop: boolean;
}

/**
 * Orders a push by sequence, skips what was applied, refuses gaps. A client's mutations apply
 * in the order it made them, with no gaps (sync.md invariant 4); `client` null is a change the
 * server itself makes (admin erasure), which carries no sequence of a client.
 * Only a replay is skipped (invariant 11): a mutation at or below the client's last applied
 * sequence whose id was never applied reuses a number (a restored profile, a reset outbox), and
 * is refused with 409 `sequence_reused` so the client numbers it again instead of dropping it.
 */
export function sequencePush(mutations: Mutation[], client: PushingClient | null): { refusal: Refusal } | Sequenced {
  if (client?.state && client.state.userId !== client.userId) return { refusal: clientMismatch() };
  const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.seq === sorted[i - 1]!.seq) return { refusal: duplicateSequence(sorted[i]!.seq, sorted[i - 1]!.id, sorted[i]!.id) };
  }
  const baseSeq = client?.state?.lastSeq ?? 0;
  if (client) {
    const reused = sorted.filter((m) => m.seq <= baseSeq && !client.appliedIds.has(m.id));
    if (reused.length) return { refusal: sequenceReused(baseSeq, reused) };
  }
  const ahead = client ? sorted.filter((m) => m.seq > baseSeq) : sorted;
  if (client) {
    let expected = baseSeq + 1;
    for (const m of ahead) {
      if (m.seq !== expected) return { refusal: sequenceGap(expected, m.seq, baseSeq) };
      expected++;
    }
  }
  const fresh = client ? ahead.filter((m) => !client.appliedIds.has(m.id)) : ahead;
  const newLastSeq = client && ahead.length ? ahead[ahead.length - 1]!.seq : baseSeq;
  return { baseSeq, newLastSeq, fresh, skipped: mutations.length - fresh.length, noop: !fresh.length && newLastSeq === baseSeq };
}
