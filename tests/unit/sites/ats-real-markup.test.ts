/**
 * Behaviours of the council-ATS modules that the real pages taught us, one per test: what
 * each reads from the markup the vendors actually serve, and where each stays silent.
 */
import { describe, expect, it } from 'vitest';
import { siteModules } from '@/sites/index';
import type { SiteModule } from '@/sites/types';
import { parseHtml, sharedPagesExist } from './helpers';
import { ownPages, savedPages } from './pages';

const module = (id: string) => siteModules.find((m) => m.id === id) as SiteModule;
const own = (key: string) => ownPages().find((p) => p.key === key)?.html ?? '';

describe('iTrent', () => {
  const itrent = module('itrent');
  const vacancyPage = own('itrent/job.html');

  it('is recognised by its servlet path on any host, not by *.webitrent.com', () => {
    expect(itrent.detect(new URL('https://vacancies.hud.ac.uk/tlive_webrecruitment/wrd/run/etrec179gf.open?WVID=2486049XkB'))).toBe(true);
    expect(itrent.detect(new URL('https://jobs.example.gov.uk/careers/vacancy.open'))).toBe(false);
  });

  it('reads the vacancy id from the posted form when the URL has none (iTrent navigates by POST)', () => {
    const url = new URL('https://jobs.hillshire.gov.uk/tlive_webrecruitment/wrd/run/ETREC107GF.open');
    expect(itrent.extract(parseHtml(vacancyPage, url.href), url)).toMatchObject({ kind: 'advert', externalId: '583921KLMN', reference: 'HIL/ATM/0526' });
  });

  it.skipIf(!sharedPagesExist)('gives nothing on the saved search shell, even read at a vacancy URL', () => {
    const shell = savedPages().find((p) => p.key.startsWith('itrent/'));
    expect(shell).toBeDefined();
    if (!shell) return;
    const url = new URL('https://vacancies.hud.ac.uk/tlive_webrecruitment/wrd/run/ETREC107GF.open?VACANCY_ID=1234567ABC');
    expect(itrent.extract(parseHtml(shell.html, url.href), url)).toBeNull();
  });
});

describe('Oracle Recruiting Cloud', () => {
  const oracle = module('oracle-recruiting-cloud');
  const rendered = own('oracle-recruiting-cloud/job-rendered.html');
  const shell = rendered.replace(/<div class="app">[\s\S]*<\/div>\s*<\/body>/, '<div class="app-loading-spinner"></div><div class="app" data-bind="view: \'layout\'"></div></body>');

  it('gives nothing on the shell the server sends, at a job URL too', () => {
    const url = new URL('https://jobs.northshire.gov.uk/#en/sites/CX_1/job/4417');
    expect(shell).not.toContain('job-details__title');
    expect(oracle.extract(parseHtml(shell, url.href), url)).toBeNull();
  });

  it('reads a JobPosting the shell carries before the app renders', () => {
    const url = new URL('https://jobs.northshire.gov.uk/#en/sites/CX_1/job/4417');
    const withPosting = shell.replace('</head>', '<script type="application/ld+json">{"@type":"JobPosting","title":"Advanced Practitioner - Fostering","validThrough":"2026-05-03","hiringOrganization":{"name":"Northshire County Council"}}</script></head>');
    expect(oracle.extract(parseHtml(withPosting, url.href), url)).toMatchObject({ title: 'Advanced Practitioner - Fostering', closingDate: '2026-05-03', externalId: '4417' });
  });

  it('reads nothing that is not Oracle\'s, whatever the URL', () => {
    const url = new URL('https://eabc.fa.em2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1/job/4417');
    expect(oracle.extract(parseHtml('<h1 class="job-details__title">Looks like Oracle</h1>', url.href), url)).toBeNull();
  });
});

describe('Eploy', () => {
  const eploy = module('eploy');

  it('takes a field Eploy prints as "Not Specified" for no value, shown or hidden', () => {
    const url = new URL('https://jobs.example.gov.uk/vacancies/');
    const row = (id: number, end: string, hidden: boolean) => `<div class="vsr-job-big"><h2 class="vsr-job__title"><a href="${id}/x.html">Job ${id}</a></h2>
      <ul><li id="li_VacV_AdvertisingEndDate_${id}"${hidden ? ' style="display:none;"' : ''}><div class="label"><span>Advertising End Date:</span></div><div class="content"><span>${end}</span></div></li>
      <li id="li_VacV_VacancyID_${id}"><div class="label"><span>Vacancy ID:</span></div><div class="content"><span>${id}</span></div></li></ul></div>`;
    const doc = parseHtml(`<div class="vsr-job-list">${row(1, 'Not Specified', false)}${row(2, '14 Sep 2026', true)}${row(3, '1 Oct 2026', false)}</div>`, url.href);
    const result = eploy.extract(doc, url);
    expect(result?.kind === 'advert-list' && result.items.map((i) => [i.reference, i.closingDate])).toEqual([['1', undefined], ['2', undefined], ['3', '2026-10-01']]);
  });
});

describe('TalentLink', () => {
  const talentlink = module('talentlink');
  const url = new URL('https://emea3.recruitmentplatform.com/syndicated/lay/jsoutputinitrapido.cfm?component=lay9999_jdesc100a&id=X&nPostingTargetID=1&lg=UK');

  it('takes the employer the advert names most when the widget has no employer field', () => {
    const html = own('talentlink/job.html');
    expect(html).toContain('Northshire County Council');
    expect(talentlink.extract(parseHtml(html, url.href), url)).toMatchObject({ employer: 'Southshire County Council' });
  });

  it('reports the employer missing when the advert names none', () => {
    const html = '<div id="JDescContent"><h3 class="JD-Title">Cook</h3><h4 class="JD-HDLabel">Closing Date</h4><span class="JD-HDText">26-08-2026</span><span class="JD-FieldText"><p>Cook for our staff canteen.</p></span></div>';
    expect(talentlink.extract(parseHtml(html, url.href), url)).toMatchObject({ title: 'Cook', closingDate: '2026-08-26', missing: ['employer', 'location', 'salary', 'reference'] });
  });
});
