import type { Refusal } from '#shared/sync/refusals';
import { ApiFailure } from '../errors';

/** A refusal decided by the sync rules (shared/sync/), thrown as the API's error answer. */
export const refusedWith = (r: Refusal) => new ApiFailure(r.status, r.code, r.message, r.details);
