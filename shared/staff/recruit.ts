import { ROLE_LABELS, type Post, type Team, type Vacancy } from '../schema/index';

/**
 * "Recruit to this post": a draft vacancy filled in from the post, so nobody types the team,
 * role and post again. It names the post, so whoever it hires becomes the post's holder.
 */
export function vacancyDraftForPost(post: Pick<Post, 'id' | 'teamId' | 'role'>, team: Pick<Team, 'name'>): Omit<Vacancy, 'id'> {
  return {
    title: `${ROLE_LABELS[post.role]}, ${team.name}`,
    teamIds: [post.teamId],
    role: post.role,
    posts: 1,
    mode: 'rolling',
    status: 'draft',
    postIds: [post.id],
  };
}
