import type { Post, Staff, Transfer } from '../schema/index';
import { coverFields, upsert, type PlannedUpsert } from './plan';

export interface MoveInput {
  transfer: Transfer;
  staff: Pick<Staff, 'id' | 'postId'>;
  /** The post they move into, in the transfer's team. */
  toPost: Pick<Post, 'id' | 'teamId'>;
  movedOn: string;
}

export type MoveOutcome = { kind: 'moved'; changes: PlannedUpsert[] } | { kind: 'refused'; message: string };

/**
 * An approved transfer happens: the person now holds a post of the new team (their staff record
 * moves, no leaver is recorded, so turnover does not count them), the post they left is vacant,
 * and the one they took is covered permanently.
 */
export function completeTransfer({ transfer, staff, toPost, movedOn }: MoveInput): MoveOutcome {
  if (transfer.decision !== 'approved') return { kind: 'refused', message: `the transfer is ${transfer.decision}, not approved: it cannot happen yet` };
  if (transfer.staffId !== staff.id) return { kind: 'refused', message: 'the transfer is for someone else' };
  if (toPost.teamId !== transfer.toTeamId) return { kind: 'refused', message: 'the post moved into belongs to another team than the transfer' };
  if (toPost.id === staff.postId) return { kind: 'refused', message: 'that is the post they hold already' };
  return {
    kind: 'moved',
    changes: [
      upsert('transfers', transfer.id, { movedOn, toPostId: toPost.id }),
      upsert('staff', staff.id, { postId: toPost.id }),
      upsert('posts', staff.postId, coverFields({ cover: 'vacant' })),
      upsert('posts', toPost.id, coverFields({ cover: 'permanent' })),
    ],
  };
}
