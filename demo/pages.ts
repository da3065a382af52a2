/**
 * Demo pages a person (or the end-to-end suite) opens to see the overlay at work, written by
 * us from the markup domain.md documents, never copied from real sites: Community Care Jobs
 * (Madgex) job and listing pages, a Tribepad job page, and a back-office candidate screen.
 * Which pages there are, and where, is routes.ts.
 */
import { ROLE_LABELS, type Advert, type Vacancy } from '../shared/schema/index';
import { GRADES } from './establishment';
import { esc, jsonInScript, page, ukDate } from './html';
import { ATS_ORIGIN, COMMUNITY_CARE_ORIGIN, ORGANISATION_NAME } from './names';

export { esc as escapeHtml, jsonInScript } from './html';

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

/** The path a board serves an advert at. */
export const advertPath = (advert: Pick<Advert, 'url'>) => new URL(advert.url).pathname;
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
    // Relative to /jobs/, so the link holds both at the real URL and under the localhost demo's /{host}/ prefix.
    const path = `..${advertPath(a)}`;
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

/**
 * A Tribepad job page on the council's own domain (`detail.php?record=`), in the markup real
 * Tribepad pages carry (tests/fixtures/pages/tribepad): the members module's paths (its job search), a
 * `#job_detail` block with labelled `dl.job-details`, "Powered by Tribepad"; no JSON-LD.
 */
export function tribepadJobPage(vacancy: Vacancy, record: number, teamNames: readonly string[]): string {
  const rows: Array<[string, string]> = [
    ['Reference', vacancy.reference ?? ''],
    ['Service area', teamNames.join(', ') || "Children's Services"],
    ['Salary', salaryText(vacancy.role)],
    ['Employer', ORGANISATION_NAME],
    ['Number of posts', String(vacancy.posts)],
    ['Closing Date', vacancy.closingDate ? ukDate(vacancy.closingDate) : 'Rolling advert: we review applications weekly'],
  ];
  const body = `<div id="tp-header"><a href="/">${esc(ORGANISATION_NAME)} careers</a>
  <form class="tp-search" action="/members/modules/job/search.php" method="get"><label>Search jobs <input name="keywords"></label> <button>Search</button></form>
</div>
<div id="job_detail" class="job-detail" data-record="${record}">
  <div class="job-title"><h1>${esc(vacancy.title)}</h1></div>
  <dl class="job-details">
${rows.map(([k, v]) => `    <dt>${esc(k)}:</dt><dd>${esc(v)}</dd>`).join('\n')}
  </dl>
  <div class="job-description"><p>${esc(ROLE_LABELS[vacancy.role])} in ${esc(teamNames[0] ?? "Children's Services")}.</p></div>
  <a class="tp-apply button" href="/members/modules/job/apply.php?record=${record}">Apply now</a>
</div>
<footer class="footer">Powered by Tribepad</footer>`;
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
