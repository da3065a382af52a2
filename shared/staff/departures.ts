import type { LeaverDestination, LeaverReason, Post, Staff } from '../schema/index';
import { coverFields, upsert, type CoverAfter, type PlannedUpsert } from './plan';

/** What a person's leaving their post is recorded as: `internal_move` is a transfer, any other destination a leaver. */
export type DepartureDestination = LeaverDestination | 'internal_move';

export interface LeaverInput {
  staff: Pick<Staff, 'id' | 'postId' | 'fte'>;
  post: Pick<Post, 'id' | 'teamId'>;
  leavingDate: string;
  reason: LeaverReason;
  /** How the post is covered once they have gone. */
  coverAfter: CoverAfter;
  /** Today (the exit interview is offered as the leaver is recorded). */
  today: string;
  newId: () => string;
}

export type LeaverDeparture = LeaverInput & { destination: LeaverDestination };
export type InternalMove = Pick<LeaverInput, 'staff' | 'post' | 'today' | 'newId'> & { destination: 'internal_move'; toTeamId: string };

export type Departure =
  | { kind: 'leaver'; leaverId: string; exitInterviewId: string; changes: PlannedUpsert[] }
  | { kind: 'transfer'; transferId: string; changes: PlannedUpsert[] };

/**
 * Recording that someone leaves their post. Leaving the council frees the post (vacant or
 * agency-covered from the day after) and offers an exit interview, as every leaver is offered
 * one. An internal move is not a leaver: it is a transfer request to `toTeamId`, and the post
 * frees only when the move happens (completeTransfer).
 */
export function recordDeparture(input: LeaverDeparture | InternalMove): Departure {
  if (input.destination === 'internal_move') {
    const transferId = input.newId();
    const transfer = upsert('transfers', transferId, {
      staffId: input.staff.id,
      fromTeamId: input.post.teamId,
      toTeamId: input.toTeamId,
      requestedOn: input.today,
      decision: 'pending',
    });
    return { kind: 'transfer', transferId, changes: [transfer] };
  }
  const leaverId = input.newId();
  const exitInterviewId = input.newId();
  return {
    kind: 'leaver',
    leaverId,
    exitInterviewId,
    changes: [
      upsert('leavers', leaverId, {
        staffId: input.staff.id,
        postId: input.post.id,
        leavingDate: input.leavingDate,
        reason: input.reason,
        destination: input.destination,
        fte: input.staff.fte,
      }),
      upsert('posts', input.post.id, coverFields(input.coverAfter)),
      upsert('exit_interviews', exitInterviewId, { leaverId, offeredOn: input.today, outcome: 'pending', themes: [] }),
    ],
  };
}
