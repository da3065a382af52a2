import { SYNC_SCHEMA_VERSION } from '../schema/index';

/**
 * Why a request is refused, as the API answers it: `{ error: { code, message, details } }`
 * with this status. The worker throws it as an ApiFailure; the fake answers it as is.
 */
export interface Refusal {
  status: 400 | 403 | 409 | 426;
  code: string;
  message: string;
  details?: unknown;
}

/** A mutation the push names in a 400 or 403 refusal's details. */
export interface RefusedMutation {
  id: string;
  seq: number;
  table: string;
  recordId: string;
}

/**
 * The schema version is checked before anything else, so an old client gets 426 with a clear
 * message (and keeps its outbox) rather than a validation error about fields it cannot know.
 */
export function schemaVersionRefusal(body: unknown): Refusal | null {
  const v = (body as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof v !== 'number' || v === SYNC_SCHEMA_VERSION) return null;
  return {
    status: 426,
    code: 'schema_version_unsupported',
    message: `This server speaks sync schema version ${SYNC_SCHEMA_VERSION}, the extension sent version ${v}: update the extension; your unsent changes stay queued on this computer`,
    details: { expected: SYNC_SCHEMA_VERSION, got: v },
  };
}

export const clientMismatch = (): Refusal => ({
  status: 409,
  code: 'client_mismatch',
  message: "This clientId is registered to another user of your organisation; reset the extension's sync state to get a new clientId",
});

export const duplicateSequence = (seq: number, firstId: string, secondId: string): Refusal => ({
  status: 400,
  code: 'invalid_request',
  message: `Two mutations carry sequence ${seq} (${firstId} and ${secondId}); each needs its own`,
});

export const sequenceGap = (expected: number, got: number, lastSeq: number): Refusal => ({
  status: 409,
  code: 'sequence_gap',
  message: `expected sequence ${expected}, got ${got}`,
  details: { expected: lastSeq + 1, lastSeq },
});

/**
 * 409: these mutations carry sequence numbers the server already used for other mutations of
 * this client. Nothing of the push was applied; the client keeps them and numbers its unsent
 * mutations again from `lastSeq + 1` (mutations it sent before and the server applied are
 * recognised by id whatever their number, and skipped).
 */
export const sequenceReused = (lastSeq: number, reused: { id: string; seq: number }[]): Refusal => ({
  status: 409,
  code: 'sequence_reused',
  message: `${reused.length} mutation${reused.length > 1 ? 's carry sequence numbers' : ' carries a sequence number'} this client already used for other changes (the server has applied up to ${lastSeq}); nothing was applied: number the unsent changes again from ${lastSeq + 1} and push them`,
  details: { lastSeq, resequenceFrom: lastSeq + 1, mutations: reused.map((m) => ({ id: m.id, seq: m.seq })) },
});

/** 409: the pull cursor is beyond the server's change log (restored profile, reset server): pull again from 0. */
export const cursorAhead = (cursor: number, head: number): Refusal => ({
  status: 409,
  code: 'cursor_ahead',
  message: `Your pull cursor (${cursor}) is ahead of this server's change log (${head}): the server was reset or this profile restored; pull again from cursor 0`,
  details: { cursor, head, restartFrom: 0 },
});

const describe = (x: RefusedMutation, why: string) => `mutation ${x.id} (seq ${x.seq}, ${x.table} ${x.recordId}): ${why}`;

/** 400: the push applies nothing; details name each invalid mutation and its issues. */
export function invalidMutations(invalid: (RefusedMutation & { issues: string[] })[]): Refusal {
  const lines = invalid.map((x) => describe(x, x.issues.join('; ')));
  const more = lines.length > 5 ? ` | and ${lines.length - 5} more` : '';
  return {
    status: 400,
    code: 'invalid_mutations',
    message: `${invalid.length} mutation${invalid.length > 1 ? 's are' : ' is'} not valid, so nothing of this push was applied. ${lines.slice(0, 5).join(' | ')}${more}`,
    details: invalid,
  };
}

/** 403: the push applies nothing; details name each refused mutation and the reason. */
export function forbiddenMutations(role: string, refused: (RefusedMutation & { reason: string })[]): Refusal {
  const lines = refused.map((x) => describe(x, x.reason));
  return {
    status: 403,
    code: 'forbidden',
    message: `Your role (${role}) may not make ${refused.length > 1 ? 'these changes' : 'this change'}; nothing of this push was applied. ${lines.slice(0, 5).join(' | ')}`,
    details: refused,
  };
}
