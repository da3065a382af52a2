/**
 * Where the demo pages live: every page of pages.ts the demo council needs, with the host it
 * imitates (so a local server can answer for real URLs) and what the overlay should show
 * there, plus the index page at `/` that links to them. One function per kind of page.
 */
import { STAGE_LABELS, type Advert, type Stage, type Vacancy } from '../shared/schema/index';
import { esc, page, ukDate } from './html';
import { advertPath, ATS_HOST, atsCandidatePage, COMMUNITY_CARE_HOST, communityCareJobPage, communityCareListingPage, isExpired, tribepadJobPage } from './pages';
import type { DemoCouncil } from './types';

export interface DemoPageRoute {
  /** Host the page imitates (jobs.communitycare.co.uk, the council's ATS host, or 'demo' for the index). */
  host: string;
  /** Path with query, as requested: `/job/4188275/social-worker-children-in-care/`. */
  path: string;
  title: string;
  html: string;
  /** What the overlay should show there, for the index page. */
  expect: string;
}

/** The stage a back-office screen would show for an application. */
const ATS_STAGE_TEXT: Record<Stage, string> = { ...STAGE_LABELS, applied: 'New application', shortlisted: 'Shortlisted for interview' };

/** The demo council with the look-ups every kind of page needs. */
interface Site {
  data: DemoCouncil;
  vacancyOf(id: string): Vacancy;
  teamName: ReadonlyMap<string, string>;
  /** Each application's current stage. */
  stageOf: ReadonlyMap<string, Stage>;
  /** The Community Care advert journey 2 tracks: not a record, only feeds its pages. */
  untracked: Advert;
}

/**
 * Where the index links: `demo-paths` for the localhost demo (`/{host}{path}`, the real URL's
 * host as the first segment, which the demo build reads as the real URL), `real-urls` for a
 * browser that maps the real host names onto the page server (`npm start`'s own window).
 */
export type IndexLinks = 'demo-paths' | 'real-urls';

/** The path the localhost demo serves a page at: its real host, then its real path. */
export const localDemoPath = (route: Pick<DemoPageRoute, 'host' | 'path'>): string => (route.host === 'demo' ? route.path : `/${route.host}${route.path}`);

/** The URL a page has in a browser mapping real host names onto the page server (plain http: the server has no certificate). */
export const mappedUrl = (route: Pick<DemoPageRoute, 'host' | 'path'>): string => `http://${route.host}${route.path}`;

/** Every demo page with its route, the index page at `/` first. */
export function demoPageRoutes(data: DemoCouncil, options: { indexLinks?: IndexLinks } = {}): DemoPageRoute[] {
  const site = siteOf(data);
  const routes = [
    ...trackedAdvertRoutes(site),
    untrackedAdvertRoute(site),
    listingRoute(site),
    ...tribepadRoutes(site),
    ...candidateRoutes(site),
    returningCandidateRoute(site),
  ];
  return [{ host: 'demo', path: '/', title: 'Shortlist demo pages', html: indexPage(data, routes, options.indexLinks ?? 'demo-paths'), expect: 'This page.' }, ...routes];
}

function siteOf(data: DemoCouncil): Site {
  const { records, journeys } = data;
  const vacancies = new Map(records.vacancies.map((v) => [v.id, v]));
  const stageOf = new Map<string, Stage>();
  for (const e of records.stage_events) stageOf.set(e.applicationId, e.stage); // events are in time order
  const vacancyOf = (id: string) => {
    const v = vacancies.get(id);
    if (!v) throw new Error(`demo pages: no vacancy ${id}`);
    return v;
  };
  const u = journeys.untrackedAdvert;
  const untracked: Advert = {
    id: u.vacancyId,
    vacancyId: u.vacancyId,
    url: u.url,
    board: 'Community Care Jobs',
    title: u.title,
    externalId: u.externalId,
    reference: u.reference,
    postedDate: vacancyOf(u.vacancyId).openedDate ?? null,
    closingDate: u.closingDate,
  };
  return { data, vacancyOf, teamName: new Map(records.teams.map((t) => [t.id, t.name])), stageOf, untracked };
}

const trackedCommunityCareAdverts = ({ data }: Site) => data.records.adverts.filter((a) => a.board === 'Community Care Jobs');

/** Community Care job pages for every tracked advert there. */
function trackedAdvertRoutes(site: Site): DemoPageRoute[] {
  const { asOf, journeys } = site.data;
  return trackedCommunityCareAdverts(site).map((advert) => {
    const vacancy = site.vacancyOf(advert.vacancyId);
    const expired = isExpired(advert, vacancy, asOf);
    return jobPageRoute(advert, vacancy, asOf, `${advert.title ?? vacancy.title}${expired ? ' (expired)' : ''}`, advert.id === journeys.priya.advertId
      ? `Journey 1: the vacancy (2 posts) and its 14 applicants: 6 awaiting shortlisting (2 overdue by 1 working day, red), 3 shortlisted with interviews due by ${ukDate(journeys.priya.interviewsDueBy)}, 1 offer out; shortlisting this week: Tom Okafor.`
      : expired
        ? 'An expired advert (the "This job has expired" banner): the overlay still names the vacancy and its final counts.'
        : 'A tracked advert: the overlay names the vacancy and counts its applicants by stage.');
  });
}

/** Journey 2: the advert for last week's Assessment vacancy, not yet tracked. */
function untrackedAdvertRoute(site: Site): DemoPageRoute {
  const { asOf, journeys } = site.data;
  const u = journeys.untrackedAdvert;
  return jobPageRoute(site.untracked, { ...site.vacancyOf(u.vacancyId), status: 'open' }, asOf, `${u.title} (not tracked yet)`,
    `Journey 2: "Track this advert". Linking it to the vacancy created last week takes the title, closing date (${ukDate(u.closingDate)}) and reference (${u.reference}) from the page.`);
}

/** A Community Care job page, served at the advert's own path. */
function jobPageRoute(advert: Advert, vacancy: Vacancy, asOf: string, title: string, expect: string): DemoPageRoute {
  return { host: COMMUNITY_CARE_HOST, path: advertPath(advert), title, html: communityCareJobPage(advert, vacancy, { asOf }), expect };
}

/** The listing: live adverts first, as the board sorts them. */
function listingRoute(site: Site): DemoPageRoute {
  const live = [site.untracked, ...trackedCommunityCareAdverts(site).filter((a) => !isExpired(a, site.vacancyOf(a.vacancyId), site.data.asOf))];
  return {
    host: COMMUNITY_CARE_HOST,
    path: '/jobs/',
    title: 'Community Care Jobs: search results',
    html: communityCareListingPage(live),
    expect: 'Each result the council tracks gets a small badge with its vacancy and applicant count; the untracked Assessment advert offers "Track".',
  };
}

/** Tribepad job pages for the open and closed (still recruiting) vacancies. */
function tribepadRoutes(site: Site): DemoPageRoute[] {
  const { records, journeys } = site.data;
  return records.vacancies.flatMap((vacancy, i) => {
    if (vacancy.status !== 'open' && vacancy.status !== 'closed') return [];
    const record = 5_100 + i * 3;
    return [{
      host: ATS_HOST,
      path: `/members/modules/job/detail.php?record=${record}`,
      title: `Tribepad: ${vacancy.title}`,
      html: tribepadJobPage(vacancy, record, vacancy.teamIds.map((t) => site.teamName.get(t) ?? '').filter(Boolean)),
      expect: vacancy.id === journeys.priya.vacancyId
        ? 'The same vacancy as the Community Care advert, recognised on the council ATS (after Shortlist is enabled on this site): the same counts.'
        : 'The council ATS job page (no JSON-LD): the overlay matches it to its vacancy by reference.',
    }];
  });
}

/** Back-office candidate screens for every application with personal data. */
function candidateRoutes(site: Site): DemoPageRoute[] {
  const { records, journeys } = site.data;
  return records.applications.flatMap((app) => {
    if (!app.atsReference || !app.name) return [];
    const screen = { name: app.name, email: app.email, atsReference: app.atsReference, stageLabel: ATS_STAGE_TEXT[site.stageOf.get(app.id) ?? 'applied'], vacancyTitle: site.vacancyOf(app.vacancyId).title, receivedDate: app.receivedDate };
    return [candidateRoute(screen, `Candidate ${app.name}`, journeys.tom.queue.includes(app.id)
      ? "In Tom's queue: quick actions to shortlist or reject with a reason."
      : 'A tracked candidate: the overlay shows their stage and history once the page has been taught.')];
  });
}

/** Journey 3: the returning candidate, not yet in Shortlist, same email as a withdrawn application. */
function returningCandidateRoute(site: Site): DemoPageRoute {
  const { asOf, journeys } = site.data;
  const r = journeys.returningCandidate;
  const screen = { name: r.name, email: r.email, atsReference: r.newAtsReference, stageLabel: ATS_STAGE_TEXT.applied, vacancyTitle: site.vacancyOf(r.vacancyId).title, receivedDate: asOf };
  return candidateRoute(screen, `Candidate ${r.name} (new)`,
    'Journey 3: first visit asks to enable Shortlist on this site; then "Capture candidate" (name and reference from the page) with a warning that the same email applied before (withdrawn: salary).');
}

/** A back-office candidate screen, served at the ATS's path for the candidate's reference. */
function candidateRoute(screen: Parameters<typeof atsCandidatePage>[0], title: string, expect: string): DemoPageRoute {
  return { host: ATS_HOST, path: `/ats/candidate/${screen.atsReference}`, title, html: atsCandidatePage(screen), expect };
}

/** The index: the journeys' pages first, Tom's queue, then every page. */
function indexPage(data: DemoCouncil, routes: readonly DemoPageRoute[], links: IndexLinks): string {
  const { journeys } = data;
  const find = (pred: (r: DemoPageRoute) => boolean) => routes.find(pred);
  const featured = [
    find((r) => r.path === new URL(journeys.priya.advertUrl).pathname),
    find((r) => r.path === new URL(journeys.untrackedAdvert.url).pathname),
    find((r) => r.path === '/jobs/'),
    find((r) => r.path === `/ats/candidate/${journeys.returningCandidate.newAtsReference}`),
    find((r) => r.host === ATS_HOST && r.path.startsWith('/members/') && r.expect.startsWith('The same vacancy')),
    find((r) => r.title.endsWith('(expired)')),
  ].filter((r): r is DemoPageRoute => !!r);
  const queue = routes.filter((r) => r.expect.startsWith("In Tom's queue"));
  const href = (r: DemoPageRoute) => esc(links === 'real-urls' ? mappedUrl(r) : localDemoPath(r));
  const li = (r: DemoPageRoute) => `  <li><a href="${href(r)}">${esc(r.title)}</a> <small>(stands for https://${esc(r.host)}${esc(r.path)})</small><br>${esc(r.expect)}</li>`;
  const body = `<h1>${esc(data.organisation.name)}: Shortlist demo pages</h1>
<p>Data as of ${esc(ukDate(data.asOf))}. Sign in as Priya Shah (coordinator) or Tom Okafor (manager) to follow the journeys.</p>
<h2>Journeys</h2>
<ul class="featured">
${featured.map(li).join('\n')}
</ul>
<h2>Tom's shortlisting queue this week (${queue.length})</h2>
<ul class="queue">
${queue.map(li).join('\n')}
</ul>
<h2>All pages (${routes.length})</h2>
<ul class="all">
${routes.filter((r) => r.host !== 'demo').map((r) => `  <li><a href="${href(r)}">${esc(r.title)}</a></li>`).join('\n')}
</ul>`;
  return page('Shortlist demo pages', body);
}
