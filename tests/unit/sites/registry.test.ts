/** The registry: priority order and recognise(url, doc). */
import { describe, expect, it } from 'vitest';
import { matchesFor, recognise, registry, siteModules } from '@/sites/index';
import { parseHtml } from './helpers';
import { allPages, docOf } from './pages';

const pages = allPages();
const profiles = pages.flatMap((p) => (p.profile ? [p.profile] : []));

describe('recognise', () => {
  it.each(pages.map((p) => [p.key, p] as const))('%s is recognised by its own module (or not at all when unreadable)', (_key, page) => {
    const recognised = recognise(new URL(page.url), docOf(page), profiles);
    if (!page.module || page.key === 'jobtrain/before-render.html') {
      // Not an advert, or (Jobtrain) not rendered yet: every module declines.
      expect(recognised).toBeNull();
      return;
    }
    expect(recognised?.module.id).toBe(page.module);
  });

  it('falls through to the generic JSON-LD module when a specific one cannot read the page', () => {
    // An Eploy URL whose page lacks Eploy's fingerprint but has a JobPosting.
    const doc = parseHtml('<script type="application/ld+json">{"@type":"JobPosting","title":"Social Worker","hiringOrganization":{"name":"Example Council"}}</script>');
    const recognised = recognise(new URL('https://jobs.example.gov.uk/vacancies/9/social-worker.html'), doc);
    expect(recognised?.module.id).toBe('jsonld');
    expect(recognised?.result).toMatchObject({ kind: 'advert', title: 'Social Worker', employer: 'Example Council' });
  });

  it('says "not recognised" (null) for an ordinary page', () => {
    expect(recognise(new URL('https://www.example.org/about'), parseHtml('<h1>About us</h1>'))).toBeNull();
  });

  it('puts taught profiles first, specific sites next, the generic readers last', () => {
    const ids = registry(profiles).map((m) => m.id);
    expect(ids[0]).toBe('taught');
    expect(ids.slice(-3)).toEqual(['jsonld', 'generic-advert', 'generic-listing']);
    expect(registry().map((m) => m.id)).toEqual(siteModules.map((m) => m.id));
  });
});

describe('matchesFor', () => {
  it('lists every static match pattern once', () => {
    const all = matchesFor();
    expect(all).toContain('*://jobs.communitycare.co.uk/*');
    expect(all).toContain('*://*.tal.net/*');
    expect(new Set(all).size).toBe(all.length);
  });
});
