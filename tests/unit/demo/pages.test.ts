// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  ATS_HOST, COMMUNITY_CARE_HOST, communityCareJobPage, communityCareListingPage, DEFAULT_DEMO_AS_OF, demoPageRoutes,
  escapeHtml, generateDemoCouncil, jsonInScript, tribepadJobPage,
} from '#demo/index';
import type { Advert, Vacancy } from '#shared/schema/index';

const data = generateDemoCouncil({ asOf: DEFAULT_DEMO_AS_OF });
const routes = demoPageRoutes(data);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const jsonLd = (doc: Document) => JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
const dataLayer = (doc: Document) => {
  const script = [...doc.querySelectorAll('script:not([type])')].find((s) => s.textContent!.includes('ClientGoogleTagManagerDataLayer'))!;
  return JSON.parse(script.textContent!.replace(/^\s*var ClientGoogleTagManagerDataLayer = /, ''))[0];
};
/** dd text by its dt label, as the extension must read it (by label, never by position). */
const byLabel = (doc: Document, label: string) =>
  [...doc.querySelectorAll('dt')].find((dt) => dt.textContent!.trim() === label)?.nextElementSibling?.textContent?.trim();

const uuid = '0190a6f0-0000-7000-8000-000000000001';
const hostileTitle = `Social Worker <script>alert("x")</script> & "Friends" </script><img src=x onerror=alert(1)>`;
const hostileVacancy: Vacancy = { id: uuid, title: hostileTitle, teamIds: [], role: 'social_worker', posts: 1, mode: 'rolling', status: 'open', reference: `R<1>&"2"` };
const hostileAdvert: Advert = { id: uuid, vacancyId: uuid, url: 'https://jobs.communitycare.co.uk/job/123/x/', board: 'Community Care Jobs', title: hostileTitle, externalId: '123', reference: `R<1>&"2"`, closingDate: '2026-04-30' };

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Priya'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Priya&#39;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  it('keeps JSON in a script inert and equal to the original', () => {
    const text = jsonInScript({ t: '</script><!-- & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ t: '</script><!-- & \u2028' });
  });

  it('a vacancy title holding <script> comes out as text on every page', () => {
    for (const html of [
      communityCareJobPage(hostileAdvert, hostileVacancy),
      communityCareListingPage([hostileAdvert]),
      tribepadJobPage(hostileVacancy, 1, ['<b>Team</b>']),
    ]) {
      const doc = parse(html);
      expect(doc.querySelectorAll('img')).toHaveLength(0);
      for (const s of doc.querySelectorAll('script')) expect(s.textContent).not.toContain('alert("x")</script>');
      expect(doc.body.textContent).toContain(hostileTitle);
    }
    const doc = parse(communityCareJobPage(hostileAdvert, hostileVacancy));
    expect(doc.querySelectorAll('script')).toHaveLength(2);
    expect(doc.querySelector('h1')!.textContent).toBe(hostileTitle);
    expect(jsonLd(doc).title).toBe(hostileTitle);
    expect(dataLayer(doc).JobTitle).toBe(hostileTitle);
    expect(dataLayer(doc).JobRef).toBe(`R<1>&"2"`);
  });
});

describe('Community Care Jobs pages (Madgex markup)', () => {
  const priyaPath = new URL(data.journeys.priya.advertUrl).pathname;
  const priya = routes.find((r) => r.host === COMMUNITY_CARE_HOST && r.path === priyaPath)!;

  it("Priya's advert: JSON-LD JobPosting, the data layer, labelled dt/dd, not expired", () => {
    const doc = parse(priya.html);
    const ld = jsonLd(doc);
    expect(ld['@type']).toBe('JobPosting');
    expect(ld.title).toBe('Social Worker – Children in Care');
    expect(ld.hiringOrganization.name).toBe('Wessex Borough Council');
    const layer = dataLayer(doc);
    expect(layer).toMatchObject({ JobId: data.journeys.priya.externalId, recruiter: 'Wessex Borough Council' });
    expect(layer.LocationDescription).toBeTruthy();
    expect(layer.SalaryDescription).toMatch(/^£/);
    const vacancy = data.records.vacancies.find((v) => v.id === data.journeys.priya.vacancyId)!;
    expect(layer.JobRef).toBe(vacancy.reference);
    expect(byLabel(doc, 'Employer')).toBe('Wessex Borough Council');
    expect(byLabel(doc, 'Location')).toBe(layer.LocationDescription);
    expect(byLabel(doc, 'Salary')).toBe(layer.SalaryDescription);
    expect(byLabel(doc, 'Closing date')).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(doc.querySelector('[role="alert"]')).toBeNull();
    expect(priya.expect).toContain('14 applicants');
  });

  it('an advert of a filled vacancy shows the expired banner', () => {
    const expired = routes.filter((r) => r.host === COMMUNITY_CARE_HOST && r.title.endsWith('(expired)'));
    expect(expired.length).toBeGreaterThan(5);
    const doc = parse(expired[0]!.html);
    expect(doc.querySelector('div[role="alert"]')!.textContent!.trim()).toBe('This job has expired');
  });

  it('the untracked Assessment advert carries the title, closing date and reference of last week’s vacancy', () => {
    const u = data.journeys.untrackedAdvert;
    const route = routes.find((r) => r.path === new URL(u.url).pathname)!;
    const doc = parse(route.html);
    expect(jsonLd(doc).title).toBe(u.title);
    expect(jsonLd(doc).validThrough.slice(0, 10)).toBe(u.closingDate);
    expect(dataLayer(doc)).toMatchObject({ JobId: u.externalId, JobRef: u.reference });
    expect(data.records.adverts.some((a) => a.externalId === u.externalId)).toBe(false);
  });

  it('the listing: li.lister__item#item-{jobId} linking to ../job/{id}/{slug}/ (from /jobs/: the real path, and the localhost demo path too)', () => {
    const listing = routes.find((r) => r.host === COMMUNITY_CARE_HOST && r.path === '/jobs/')!;
    const doc = parse(listing.html);
    const items = [...doc.querySelectorAll('li.lister__item')];
    expect(items.length).toBeGreaterThan(8);
    for (const li of items) {
      const id = li.id.replace(/^item-/, '');
      expect(id).toMatch(/^\d+$/);
      const href = li.querySelector('a')!.getAttribute('href')!;
      expect(href).toMatch(new RegExp(`^\\.\\./job/${id}/[a-z0-9-]+/$`));
      expect(new URL(href, `https://${COMMUNITY_CARE_HOST}/jobs/`).href).toMatch(new RegExp(`^https://${COMMUNITY_CARE_HOST}/job/${id}/`));
      expect(new URL(href, `http://localhost:8790/${COMMUNITY_CARE_HOST}/jobs/`).href).toMatch(new RegExp(`^http://localhost:8790/${COMMUNITY_CARE_HOST}/job/${id}/`));
    }
    expect(doc.querySelector(`#item-${data.journeys.priya.externalId}`)).not.toBeNull();
    expect(doc.querySelector(`#item-${data.journeys.untrackedAdvert.externalId}`)).not.toBeNull();
  });
});

describe('council ATS pages and the index', () => {
  it('Tribepad job pages: detail.php?record=, the markup real Tribepad pages carry, reference in the details list, no JSON-LD', () => {
    const tp = routes.filter((r) => r.host === ATS_HOST && r.path.startsWith('/members/modules/job/detail.php?record='));
    expect(tp.length).toBeGreaterThan(5);
    const doc = parse(tp.find((r) => r.title.endsWith('Social Worker – Children in Care'))!.html);
    expect(doc.querySelector('script[type="application/ld+json"]')).toBeNull();
    // What tests/fixtures/pages/tribepad/job.html (real Tribepad markup) has: the members module's paths, #job_detail, "Powered by Tribepad".
    expect(doc.querySelector('form')!.getAttribute('action')).toMatch(/^\/members\/modules\/job\//);
    expect(doc.querySelector('#job_detail .job-title h1')!.textContent).toBe('Social Worker – Children in Care');
    expect(doc.querySelector('footer')!.textContent).toBe('Powered by Tribepad');
    const refDt = [...doc.querySelectorAll('#job_detail dl.job-details dt')].find((dt) => dt.textContent === 'Reference:')!;
    expect(refDt.nextElementSibling!.textContent).toBe(data.records.vacancies.find((v) => v.id === data.journeys.priya.vacancyId)!.reference);
  });

  it('back-office candidate pages show name, reference and stage; the returning candidate is not in the data', () => {
    const r = data.journeys.returningCandidate;
    const route = routes.find((x) => x.path === `/ats/candidate/${r.newAtsReference}`)!;
    const doc = parse(route.html);
    expect(doc.body.textContent).toContain(r.name);
    expect(doc.body.textContent).toContain(r.newAtsReference);
    expect(doc.body.textContent).toContain(r.email);
    expect(doc.body.textContent).toContain('New application');
    const tomFirst = data.records.applications.find((a) => a.id === data.journeys.tom.queue[0])!;
    const tomPage = parse(routes.find((x) => x.path === `/ats/candidate/${tomFirst.atsReference}`)!.html);
    expect(tomPage.body.textContent).toContain(tomFirst.name!);
  });

  it('routes are unique, and the index links to the journey pages with what the overlay should show', () => {
    const keys = routes.map((r) => `${r.host}${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const index = routes[0]!;
    expect(index.path).toBe('/');
    const doc = parse(index.html);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    // The localhost demo's paths: the real host, then the real path.
    for (const path of [new URL(data.journeys.priya.advertUrl).pathname, new URL(data.journeys.untrackedAdvert.url).pathname, '/jobs/']) {
      expect(hrefs).toContain(`/${COMMUNITY_CARE_HOST}${path}`);
    }
    expect(hrefs).toContain(`/${ATS_HOST}/ats/candidate/${data.journeys.returningCandidate.newAtsReference}`);
    expect(hrefs.filter((h) => !h!.startsWith(`/${COMMUNITY_CARE_HOST}/`) && !h!.startsWith(`/${ATS_HOST}/`))).toEqual([]);
    expect(doc.querySelectorAll('ul.queue li')).toHaveLength(7);
    expect(doc.body.textContent).toContain('Track this advert');
  });

  it('the index for a browser mapping the real host names links to the real URLs, over plain http', () => {
    const doc = parse(demoPageRoutes(data, { indexLinks: 'real-urls' })[0]!.html);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs).toContain(`http://${COMMUNITY_CARE_HOST}/jobs/`);
    expect(hrefs).toContain(data.journeys.priya.advertUrl.replace(/^https:/, 'http:'));
    expect(hrefs.every((h) => h.startsWith(`http://${COMMUNITY_CARE_HOST}/`) || h.startsWith(`http://${ATS_HOST}/`))).toBe(true);
  });
});
