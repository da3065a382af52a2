/**
 * The demo pages (demo/) the end-to-end suite and a person open: each job page and
 * listing is still read by the module it imitates, and the back-office candidate screens
 * and the demo index stay unrecognised (the e2e suite teaches them), generic readers or not.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_AS_OF, demoPageRoutes, generateDemoCouncil } from '#demo/index';
import { recognise } from '@/sites/index';
import { parseHtml } from './helpers';

const routes = demoPageRoutes(generateDemoCouncil({ asOf: DEFAULT_DEMO_AS_OF }));
const urlOf = (r: (typeof routes)[number]) => `http://${r.host === 'demo' ? 'localhost' : r.host}${r.path}`;

describe('demo pages', () => {
  it.each(routes.map((r) => [urlOf(r), r] as const))('%s', (url, route) => {
    const recognised = recognise(new URL(url), parseHtml(route.html, url));
    if (route.host === 'demo' || route.path.startsWith('/ats/candidate/')) expect(recognised).toBeNull();
    // The demo Tribepad page carries the markup real Tribepad pages carry, so no generic reader guesses.
    else if (route.path.startsWith('/members/modules/job/')) expect(recognised?.module.id).toBe('tribepad');
    else expect(recognised?.module.id).toBe('communitycare');
  });
});
