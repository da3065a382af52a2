import { createShadowRootUi, defineContentScript } from '#imports';
import { render } from 'preact';
import { Overlay } from '@/ui/overlay/Overlay';

// Community Care Jobs (Madgex) pages; the demo origin only in builds made for `npm start`.
const matches = ['*://jobs.communitycare.co.uk/*'];
if (__SHORTLIST_DEMO_ORIGIN__) matches.push(`${new URL(__SHORTLIST_DEMO_ORIGIN__).origin}/*`);

export default defineContentScript({
  matches,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'shortlist-overlay',
      position: 'overlay',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        render(<Overlay title={document.title} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
