/**
 * Demo pages a person (or the end-to-end suite) opens to see the overlay at work, written by
 * us from the markup domain.md documents, never copied from real sites: Community Care Jobs
 * (Madgex) job and listing pages, a Tribepad job page, and a back-office candidate screen.
 * Routes carry the host they imitate, so a local server can answer for real URLs.
 */
import { ROLE_LABELS, STAGE_LABELS, type Advert, type Application, type Stage, type Vacancy } from '../shared/schema/index';
import { GRADES } from './establishment';
import { esc, jsonInScript, page, ukDate } from './html';
import { ATS_ORIGIN, COMMUNITY_CARE_ORIGIN, ORGANISATION_NAME, slugify } from './names';
import type { DemoCouncil } from './types';

export { esc as escapeHtml, jsonInScript } from './html';

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

export const COMMUNITY_CARE_HOST = new URL(COMMUNITY_CARE_ORIGIN).host;
export const ATS_HOST = new URL(ATS_ORIGIN).host;
const RECRUITER_ID = 64_213;

export interface JobPageOptions {
  /** Date the page is viewed; a closing date before it shows the expired banner. */
  asOf?: string;
  employer?: string;
  location?: string;
  salary?: string;
  expired?: boolean;
}

/** Salary text the council advertises for a rung of the ladder (its grade, without the code). */
export function salaryText(role: Vacancy['role']): string {
  const range = GRADES[role].replace(/^\S+\s+(\(ASYE\)\s+)?/, '').replace('–', ' - ');
  return `${range} per annum plus £2,000 market supplement`;
}

const advertPath = (advert: Pick<Advert, 'url'>) => new URL(advert.url).pathname;
const jobIdOf = (advert: Pick<Advert, 'url' | 'externalId'>) => advert.externalId ?? advertPath(advert).split('/')[2] ?? '';

/** True when the board would show the advert as expired. */
export function isExpired(advert: Pick<Advert, 'closingDate'>, vacancy: Pick<Vacancy, 'status'>, asOf?: string): boolean {
  if (vacancy.status === 'filled' || vacancy.status === 'cancelled') return true;
  return !!(asOf && advert.closingDate && advert.closingDate < asOf);
}

/**
 * A Madgex job page: JSON-LD JobPosting, the ClientGoogleTagManagerDataLayer object, labelled
 * dt/dd pairs (in a different order from the JSON-LD, since readers must go by label), and the
 * `role=alert` banner when the advert has expired.
 */
export function communityCareJobPage(advert: Advert, vacancy: Vacancy, options: JobPageOptions = {}): string {
  const title = advert.title ?? vacancy.title;
  const employer = options.employer ?? ORGANISATION_NAME;
  const location = options.location ?? 'Wessex, South West England';
  const salary = options.salary ?? salaryText(vacancy.role);
  const jobId = jobIdOf(advert);
  const expired = options.expired ?? isExpired(advert, vacancy, options.asOf);
  const ref = advert.reference ?? vacancy.reference ?? '';
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title,
    description: `<p>${esc(employer)} is recruiting: ${esc(title)}. ${esc(ROLE_LABELS[vacancy.role])}, ${vacancy.posts} post${vacancy.posts === 1 ? '' : 's'}.</p>`,
    datePosted: advert.postedDate ? `${advert.postedDate}T00:00:00Z` : undefined,
    validThrough: advert.closingDate ? `${advert.closingDate}T23:59:59Z` : undefined,
    employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: employer },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Wessex', addressRegion: 'South West England', addressCountry: 'GB' } },
    identifier: { '@type': 'PropertyValue', name: employer, value: ref },
  };
  const dataLayer = [{
    JobId: jobId,
    JobTitle: title,
    job: title,
    recruiter: employer,
    RecruiterId: String(RECRUITER_ID),
    LocationDescription: location,
    SalaryDescription: salary,
    JobRef: ref,
    JobDatePosted: ukDate(advert.postedDate),
    JobDateCloses: ukDate(advert.closingDate),
    Sector: "Children's services",
  }];
  const head = `<link rel="canonical" href="${esc(`${COMMUNITY_CARE_ORIGIN}${advertPath(advert)}`)}">
<script>
var ClientGoogleTagManagerDataLayer = ${jsonInScript(dataLayer)}
</script>
<script type="application/ld+json">
${jsonInScript(jsonLd, 2)}
</script>
`;
  const banner = expired ? '<div role="alert" class="mds-alert mds-alert--warning">This job has expired</div>\n' : '';
  const body = `<header class="mds-header"><a class="mds-brand" href="/">Community Care Jobs</a> <a href="/jobs/">Find a job</a></header>
<main class="mds-wrapper job-detail" id="job-${esc(jobId)}">
${banner}<h1 class="mds-font-trafalgar">${esc(title)}</h1>
<p class="mds-font-body-copy-bulk">${esc(employer)}</p>
<div class="mds-grid-row">
  <section id="job-description" class="mds-grid-col-8 mds-prose">
    <p>Join our ${esc(ROLE_LABELS[vacancy.role].toLowerCase())} team. Small caseloads, a stable management team and a clear progression route.</p>
    <p>${vacancy.mode === 'rolling' ? 'We shortlist every week and interview within five working days.' : `Shortlisting ${esc(ukDate(vacancy.plannedShortlistDate))}; interviews ${esc(ukDate(vacancy.plannedInterviewDate))}.`}</p>
  </section>
  <aside class="mds-grid-col-4">
    <dl class="mds-list mds-list--key-value">
      <dt class="mds-list__key">Location</dt><dd class="mds-list__value">${esc(location)}</dd>
      <dt class="mds-list__key">Salary</dt><dd class="mds-list__value">${esc(salary)}</dd>
      <dt class="mds-list__key">Closing date</dt><dd class="mds-list__value">${esc(ukDate(advert.closingDate))}</dd>
      <dt class="mds-list__key">Employer</dt><dd class="mds-list__value"><a href="/employer/${RECRUITER_ID}/wessex-borough-council/">${esc(employer)}</a></dd>
      <dt class="mds-list__key">Job ref</dt><dd class="mds-list__value">${esc(ref)}</dd>
      <dt class="mds-list__key">Contract</dt><dd class="mds-list__value">Permanent</dd>
    </dl>
  </aside>
</div>
<section id="company-information"></section>
</main>`;
  return page(`${title} job with ${employer} | Community Care Jobs`, body, head);
}

/** A Madgex search results page: each result `li.lister__item#item-{jobId}` linking to the job page. */
export function communityCareListingPage(adverts: readonly Advert[], options: { employer?: string; heading?: string } = {}): string {
  const employer = options.employer ?? ORGANISATION_NAME;
  const items = adverts.map((a) => {
    const id = jobIdOf(a);
    const path = advertPath(a);
    return `  <li class="lister__item cf" id="item-${esc(id)}">
    <h3 class="lister__header"><a href="${esc(path)}" class="js-clickable-area-link"><span>${esc(a.title ?? '')}</span></a></h3>
    <ul class="lister__meta">
      <li class="lister__meta-item lister__meta-item--location">Wessex, South West England</li>
      <li class="lister__meta-item lister__meta-item--recruiter">${esc(employer)}</li>
      <li class="lister__meta-item lister__meta-item--closing">Closes ${esc(ukDate(a.closingDate))}</li>
    </ul>
  </li>`;
  });
  const body = `<header class="mds-header"><a class="mds-brand" href="/">Community Care Jobs</a></header>
<main class="mds-wrapper">
<h1>${esc(options.heading ?? `Children's social work jobs (${adverts.length})`)}</h1>
<ul class="lister" id="listing">
${items.join('\n')}
</ul>
</main>`;
  return page('Social work jobs | Community Care Jobs', body);
}

/** A Tribepad job page on the council's own domain (`detail.php?record=`): tables, no JSON-LD. */
export function tribepadJobPage(vacancy: Vacancy, record: number, teamNames: readonly string[]): string {
  const rows: Array<[string, string]> = [
    ['Job reference', vacancy.reference ?? ''],
    ['Service area', teamNames.join(', ') || "Children's Services"],
    ['Salary', salaryText(vacancy.role)],
    ['Number of posts', String(vacancy.posts)],
    ['Closing date', vacancy.closingDate ? ukDate(vacancy.closingDate) : 'Rolling advert: we review applications weekly'],
  ];
  const body = `<div id="tp-header"><a href="/">${esc(ORGANISATION_NAME)} careers</a></div>
<div class="tp-job" data-record="${record}">
  <h2 class="tp-job-title">${esc(vacancy.title)}</h2>
  <table class="tp-job-summary">
${rows.map(([k, v]) => `    <tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('\n')}
  </table>
  <div class="tp-job-description"><p>${esc(ROLE_LABELS[vacancy.role])} in ${esc(teamNames[0] ?? "Children's Services")}.</p></div>
  <a class="tp-apply button" href="/members/modules/job/apply.php?record=${record}">Apply now</a>
</div>`;
  return page(`${vacancy.title} - ${ORGANISATION_NAME}`, body);
}

/**
 * A back-office ATS candidate screen in deliberately arbitrary markup (no labels, odd class
 * names): the teach-a-page flow is how the extension learns where name, reference and stage are.
 */
export function atsCandidatePage(candidate: { name: string; email?: string | null; atsReference: string; stageLabel: string; vacancyTitle: string; receivedDate: string }): string {
  const body = `<div class="bo-shell"><nav class="bo-nav">Recruit &middot; Candidates &middot; <b>Profile</b></nav>
<div class="bo-card">
  <div class="c1"><span class="zz-n">${esc(candidate.name)}</span> <small class="zz-r">${esc(candidate.atsReference)}</small></div>
  <div class="c2"><span class="pill pill-3">${esc(candidate.stageLabel)}</span></div>
  <div class="c3"><span>${esc(candidate.vacancyTitle)}</span> &middot; <span>${esc(ukDate(candidate.receivedDate))}</span></div>
  ${candidate.email ? `<div class="c4"><a href="mailto:${esc(candidate.email)}">${esc(candidate.email)}</a></div>` : ''}
  <div class="c5"><button type="button">Move to&hellip;</button> <button type="button">Email candidate</button></div>
</div></div>`;
  return page(`${candidate.name} - Candidate`, body);
}

/** The stage a back-office screen would show for an application. */
const ATS_STAGE_TEXT: Record<Stage, string> = { ...STAGE_LABELS, applied: 'New application', shortlisted: 'Shortlisted for interview' };

/** Every demo page with its route, plus the index page at `/` that links to them. */
export function demoPageRoutes(data: DemoCouncil): DemoPageRoute[] {
  const { records, journeys, asOf } = data;
  const vacancies = new Map(records.vacancies.map((v) => [v.id, v]));
  const teams = new Map(records.teams.map((t) => [t.id, t.name]));
  const stageOf = new Map<string, Stage>();
  for (const e of records.stage_events) stageOf.set(e.applicationId, e.stage); // events are in time order
  const routes: DemoPageRoute[] = [];
  const vacancyOf = (id: string) => {
    const v = vacancies.get(id);
    if (!v) throw new Error(`demo pages: no vacancy ${id}`);
    return v;
  };

  // Community Care job pages for every tracked advert there.
  const ccAdverts = records.adverts.filter((a) => a.board === 'Community Care Jobs');
  for (const advert of ccAdverts) {
    const vacancy = vacancyOf(advert.vacancyId);
    const expired = isExpired(advert, vacancy, asOf);
    const isPriya = advert.id === journeys.priya.advertId;
    routes.push({
      host: COMMUNITY_CARE_HOST,
      path: advertPath(advert),
      title: `${advert.title ?? vacancy.title}${expired ? ' (expired)' : ''}`,
      html: communityCareJobPage(advert, vacancy, { asOf }),
      expect: isPriya
        ? `Journey 1: the vacancy (2 posts) and its 14 applicants: 6 awaiting shortlisting (2 overdue by 1 working day, red), 3 shortlisted with interviews due by ${ukDate(journeys.priya.interviewsDueBy)}, 1 offer out; shortlisting this week: Tom Okafor.`
        : expired
          ? 'An expired advert (the "This job has expired" banner): the overlay still names the vacancy and its final counts.'
          : 'A tracked advert: the overlay names the vacancy and counts its applicants by stage.',
    });
  }

  // Journey 2: the advert for last week's Assessment vacancy, not yet tracked.
  const u = journeys.untrackedAdvert;
  const newVacancy = vacancyOf(u.vacancyId);
  const untracked: Advert = {
    id: u.vacancyId, // not a record: only feeds the page
    vacancyId: u.vacancyId,
    url: u.url,
    board: 'Community Care Jobs',
    title: u.title,
    externalId: u.externalId,
    reference: u.reference,
    postedDate: newVacancy.openedDate ?? null,
    closingDate: u.closingDate,
  };
  routes.push({
    host: COMMUNITY_CARE_HOST,
    path: advertPath(untracked),
    title: `${u.title} (not tracked yet)`,
    html: communityCareJobPage(untracked, { ...newVacancy, status: 'open' }, { asOf }),
    expect: `Journey 2: "Track this advert". Linking it to the vacancy created last week takes the title, closing date (${ukDate(u.closingDate)}) and reference (${u.reference}) from the page.`,
  });

  // The listing: live adverts first, as the board sorts them.
  const live = [untracked, ...ccAdverts.filter((a) => !isExpired(a, vacancyOf(a.vacancyId), asOf))];
  routes.push({
    host: COMMUNITY_CARE_HOST,
    path: '/jobs/',
    title: 'Community Care Jobs: search results',
    html: communityCareListingPage(live),
    expect: 'Each result the council tracks gets a small badge with its vacancy and applicant count; the untracked Assessment advert offers "Track".',
  });

  // Tribepad job pages for the open and closed (still recruiting) vacancies.
  records.vacancies.forEach((vacancy, i) => {
    if (vacancy.status !== 'open' && vacancy.status !== 'closed') return;
    const record = 5_100 + i * 3;
    routes.push({
      host: ATS_HOST,
      path: `/members/modules/job/detail.php?record=${record}`,
      title: `Tribepad: ${vacancy.title}`,
      html: tribepadJobPage(vacancy, record, vacancy.teamIds.map((t) => teams.get(t) ?? '').filter(Boolean)),
      expect: vacancy.id === journeys.priya.vacancyId
        ? 'The same vacancy as the Community Care advert, recognised on the council ATS (after Shortlist is enabled on this site): the same counts.'
        : 'The council ATS job page (no JSON-LD): the overlay matches it to its vacancy by reference.',
    });
  });

  // Back-office candidate screens for every application with personal data.
  for (const app of records.applications) {
    if (!app.atsReference || !app.name) continue;
    routes.push({
      host: ATS_HOST,
      path: `/ats/candidate/${app.atsReference}`,
      title: `Candidate ${app.name}`,
      html: atsCandidatePage({ name: app.name, email: app.email, atsReference: app.atsReference, stageLabel: ATS_STAGE_TEXT[stageOf.get(app.id) ?? 'applied'], vacancyTitle: vacancyOf(app.vacancyId).title, receivedDate: app.receivedDate }),
      expect: journeys.tom.queue.includes(app.id)
        ? "In Tom's queue: quick actions to shortlist or reject with a reason."
        : 'A tracked candidate: the overlay shows their stage and history once the page has been taught.',
    });
  }

  // Journey 3: the returning candidate, not yet in Shortlist, same email as a withdrawn application.
  const r = journeys.returningCandidate;
  routes.push({
    host: ATS_HOST,
    path: `/ats/candidate/${r.newAtsReference}`,
    title: `Candidate ${r.name} (new)`,
    html: atsCandidatePage({ name: r.name, email: r.email, atsReference: r.newAtsReference, stageLabel: ATS_STAGE_TEXT.applied, vacancyTitle: vacancyOf(r.vacancyId).title, receivedDate: asOf }),
    expect: 'Journey 3: first visit asks to enable Shortlist on this site; then "Capture candidate" (name and reference from the page) with a warning that the same email applied before (withdrawn: salary).',
  });

  routes.unshift({ host: 'demo', path: '/', title: 'Shortlist demo pages', html: indexPage(data, routes), expect: 'This page.' });
  return routes;
}

function indexPage(data: DemoCouncil, routes: readonly DemoPageRoute[]): string {
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
  const li = (r: DemoPageRoute) => `  <li><a href="${esc(r.path)}">${esc(r.title)}</a> <small>(${esc(r.host === 'demo' ? '' : `https://${r.host}${r.path}`)})</small><br>${esc(r.expect)}</li>`;
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
${routes.filter((r) => r.host !== 'demo').map((r) => `  <li><a href="${esc(r.path)}">${esc(r.title)}</a></li>`).join('\n')}
</ul>`;
  return page('Shortlist demo pages', body);
}

export { slugify };
