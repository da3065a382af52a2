import { ApiError } from './api';

/**
 * A push the server refused as a whole, without naming the mutation at fault. The outbox must
 * not wait behind it for ever: the batch is split until the one entry at fault is alone, and
 * that entry is parked with the server's message.
 * - too-large: 413, the body is over the server's limit;
 * - unattributed: a 400 that names no mutation of the batch (the request as a whole is invalid);
 * - failing: a server error (5xx), which may be passing; parked only after repeated failures
 *   of that entry alone while the server answers other requests.
 */
export type WholeBatchFailure = 'too-large' | 'unattributed' | 'failing';

export function wholeBatchFailure(err: unknown): WholeBatchFailure | null {
  if (!(err instanceof ApiError)) return null;
  if (err.status === 413) return 'too-large';
  if (err.status === 400) return 'unattributed';
  if (err.status >= 500) return 'failing';
  return null;
}

/** Words for a person on the parked change. */
export function parkedMessage(kind: WholeBatchFailure, err: ApiError, strikes: number): string {
  if (kind === 'too-large') return `This change is larger than the server accepts (${err.message})`;
  if (kind === 'failing') return `The server failed on this change ${strikes} times while it answered everything else (${err.message})`;
  return err.message;
}
