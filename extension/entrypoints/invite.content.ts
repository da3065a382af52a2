import { defineContentScript } from '#imports';
import { offerSignIn } from '@/invite/offer';
import { inviteMatches } from '@/invite/matches';

/** The server's invitation page (`/invite/<code>`), on the build's default server only: offers a one-click sign-in. */
export default defineContentScript({
  matches: inviteMatches(__SHORTLIST_SERVER_URL__),
  main: () => offerSignIn(document),
});
