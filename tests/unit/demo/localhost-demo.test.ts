/**
 * The localhost demo of `npm start` (the README's manual steps): every demo page is served at
 * `/{real host}{real path}` and, in the demo build, read as the real page it stands for; the
 * same pages at their real URLs (the mapped browser) are read the same way. Production builds
 * (no WXT_DEMO_ORIGIN) read localhost as localhost.
 */
import '../extension/globals';
import { describe, expect, it } from 'vitest';
import { ATS_HOST, COMMUNITY_CARE_HOST, DEFAULT_DEMO_AS_OF, demoPageRoutes, generateDemoCouncil, localDemoPath } from '#demo/index';
import { recogniseWithDemoAlias } from '@/overlay/content/demo-alias';
import { demoUrlOf, pageUrlOf, realUrlOf } from '@/overlay/demo-url';
import { DEMO_INDEX_HOST, demoPageResolver, prefixRootLinks } from '../../../scripts/lib/demo-pages';
import { parseHtml } from '../sites/helpers';

const DEMO_ORIGIN = 'http://localhost:8790';
const data = generateDemoCouncil({ asOf: DEFAULT_DEMO_AS_OF });
const [index, ...pages] = demoPageRoutes(data);
const resolve = demoPageResolver(data);

async function served(host: string, path: string): Promise<string> {
  const page = await resolve(host, path);
  if (!page) throw new Error(`nothing served at ${host}${path}`);
  return String(page.body);
}

describe('demo alias (extension/overlay/demo-url.ts, read by the content script and the background)', () => {
  it('maps a localhost demo URL to the real URL it stands for, query and hash kept', () => {
    const url = new URL(`${DEMO_ORIGIN}/jobs.communitycare.co.uk/job/4188275/social-worker/?src=x#top`);
    expect(realUrlOf(url, DEMO_ORIGIN)?.href).toBe('https://jobs.communitycare.co.uk/job/4188275/social-worker/?src=x#top');
    expect(realUrlOf(new URL(`${DEMO_ORIGIN}/careers.wessexborough.example.org`), DEMO_ORIGIN)?.href).toBe('https://careers.wessexborough.example.org/');
    expect(demoUrlOf('https://jobs.communitycare.co.uk/job/4188275/social-worker/?src=x', DEMO_ORIGIN)).toBe(`${DEMO_ORIGIN}/jobs.communitycare.co.uk/job/4188275/social-worker/?src=x`);
  });

  it('leaves alone what is not a demo URL: another origin, another port, a first segment that is no host name', () => {
    for (const href of [
      'https://jobs.communitycare.co.uk/job/4188275/x/',
      'http://localhost:9999/jobs.communitycare.co.uk/job/4188275/x/',
      `${DEMO_ORIGIN}/`,
      `${DEMO_ORIGIN}/jobs/`,
      `${DEMO_ORIGIN}/members/modules/job/detail.php?record=1`,
      `${DEMO_ORIGIN}/-bad-.example/x`,
    ]) expect(realUrlOf(new URL(href), DEMO_ORIGIN), href).toBeNull();
  });

  it("the background's page URL: a demo page's real URL in a demo build, the tab's URL otherwise", () => {
    const demoUrl = `${DEMO_ORIGIN}/jobs.communitycare.co.uk/job/4188275/social-worker/?src=x`;
    expect(pageUrlOf(demoUrl, DEMO_ORIGIN)).toBe('https://jobs.communitycare.co.uk/job/4188275/social-worker/?src=x');
    expect(pageUrlOf(`${DEMO_ORIGIN}/jobs/`, DEMO_ORIGIN)).toBe(`${DEMO_ORIGIN}/jobs/`);
    expect(pageUrlOf('https://jobs.communitycare.co.uk/jobs/', DEMO_ORIGIN)).toBe('https://jobs.communitycare.co.uk/jobs/');
    // Production builds: the build-time constant is '' (the default here), and nothing is mapped.
    expect(pageUrlOf(demoUrl, '')).toBe(demoUrl);
    expect(pageUrlOf(demoUrl)).toBe(demoUrl);
  });

  it('production builds are unaffected: without a demo origin nothing is aliased', () => {
    const url = new URL(`${DEMO_ORIGIN}/jobs.communitycare.co.uk/jobs/`);
    expect(realUrlOf(url, '')).toBeNull();
    expect(demoUrlOf('https://jobs.communitycare.co.uk/jobs/', '')).toBe('https://jobs.communitycare.co.uk/jobs/');
    const listing = pages.find((r) => r.host === COMMUNITY_CARE_HOST && r.path === '/jobs/')!;
    const doc = parseHtml(prefixRootLinks(listing.html, listing.host), url.href);
    // The build-time constant of a production build is '' (tests/unit/extension/globals.ts), the default here.
    expect(recogniseWithDemoAlias(url, doc, [])?.module.id).not.toBe('communitycare');
    expect(recogniseWithDemoAlias(url, doc, [], DEMO_ORIGIN)?.module.id).toBe('communitycare');
  });
});

describe('the localhost demo serves and reads every demo page as the README says', () => {
  it('the index at / links only to pages it serves', async () => {
    const doc = parseHtml(await served('localhost', '/'), `${DEMO_ORIGIN}/`);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBe(pages.length + 6 + 7); // journeys, Tom's queue, every page
    for (const href of new Set(hrefs)) expect(await resolve('localhost', href), href).not.toBeNull();
    expect(index!.html).toBe(await served('localhost', '/'));
  });

  it.each(pages.map((r) => [localDemoPath(r), r] as const))('%s', async (demoPath, route) => {
    const url = new URL(`${DEMO_ORIGIN}${demoPath}`);
    expect(realUrlOf(url, DEMO_ORIGIN)?.href).toBe(`https://${route.host}${route.path}`);
    const local = recogniseWithDemoAlias(url, parseHtml(await served('localhost', demoPath), url.href), [], DEMO_ORIGIN);
    const realUrl = new URL(`http://${route.host}${route.path}`);
    const real = recogniseWithDemoAlias(realUrl, parseHtml(await served(route.host, route.path), realUrl.href), [], DEMO_ORIGIN);
    if (route.path.startsWith('/ats/candidate/')) {
      // Back-office screens are read once taught (the README's "Teach Shortlist this page").
      expect(local).toBeNull();
      expect(real).toBeNull();
      return;
    }
    expect(local?.module.id).toBe(route.host === ATS_HOST ? 'tribepad' : 'communitycare');
    expect(real?.module.id).toBe(local?.module.id);
    if (local?.result.kind === 'advert' && real?.result.kind === 'advert') {
      expect(local.result).toEqual({ ...real.result, url: local.result.url });
      expect(local.result.expired ?? false).toBe(route.title.endsWith('(expired)'));
    }
  });

  it("the listing's links, read through the alias, are the demo page's own links (so badges find them)", async () => {
    const demoPath = `/${COMMUNITY_CARE_HOST}/jobs/`;
    const doc = parseHtml(await served('localhost', demoPath), `${DEMO_ORIGIN}${demoPath}`);
    const list = recogniseWithDemoAlias(new URL(`${DEMO_ORIGIN}${demoPath}`), doc, [], DEMO_ORIGIN)!.result;
    if (list.kind !== 'advert-list') throw new Error(`read as ${list.kind}`);
    const anchors = new Set([...doc.querySelectorAll('a')].map((a) => new URL(a.getAttribute('href')!, `${DEMO_ORIGIN}${demoPath}`).href));
    expect(list.items.length).toBeGreaterThan(8);
    for (const item of list.items) expect(anchors.has(item.href), item.href).toBe(true);
    expect(list.items.map((i) => i.externalId)).toContain(data.journeys.priya.externalId);
  });

  it('a page served under its host keeps its site-absolute links inside the prefix', () => {
    expect(prefixRootLinks('<a href="/jobs/">x</a><a href="../job/1/">y</a><a href="https://a.example/">z</a><a href="//cdn.example/x">w</a>', 'h.example'))
      .toBe('<a href="/h.example/jobs/">x</a><a href="../job/1/">y</a><a href="https://a.example/">z</a><a href="//cdn.example/x">w</a>');
  });

  it('the mapped browser: pages at their real host and path, the index at the index host linking to real URLs', async () => {
    const doc = parseHtml(await served(DEMO_INDEX_HOST, '/'), `http://${DEMO_INDEX_HOST}/`);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => new URL(a.getAttribute('href')!));
    for (const u of hrefs) expect(await resolve(u.hostname, u.pathname + u.search), u.href).not.toBeNull();
    expect(await resolve(COMMUNITY_CARE_HOST, '/no-such-page/')).toBeNull();
  });
});
