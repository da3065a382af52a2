/**
 * Malformed input: broken JSON-LD, an empty document, a huge page, hostile strings.
 * extract returns null or a partial advert with `missing`, and never throws.
 */
import { describe, expect, it } from 'vitest';
import { recognise, siteModules } from '@/sites/index';
import { taughtModule } from '@/sites/taught';
import { parseHtml } from './helpers';
import { allPages } from './pages';

const profiles = allPages().flatMap((p) => (p.profile ? [p.profile] : []));
const modules = [taughtModule(profiles), ...siteModules];
const urlsOf = (m: (typeof modules)[number]) => m.testUrls.match.map((u) => new URL(u));

const hugePage = (() => {
  const rows = Array.from({ length: 5000 }, (_, i) => `<li class="lister__item" id="item-${1000000 + i}"><h3 class="lister__header"><a href="/job/${1000000 + i}/x/">Job ${i}</a></h3></li>`);
  return `<!doctype html><html><head><script>var ClientGoogleTagManagerDataLayer = [{"JobId":"1"</script></head><body class="mds-body"><ul>${rows.join('')}</ul><p>${'word '.repeat(400000)}</p></body></html>`;
})();

const broken: Record<string, string> = {
  empty: '',
  'no body': '<html><head><title>x</title></head></html>',
  'truncated JSON-LD': '<script type="application/ld+json">{"@type":"JobPosting","title":"Social Wor</script><h1>Social Worker</h1>',
  'JSON-LD of the wrong shapes': '<script type="application/ld+json">[null, 1, "x", {"@graph": [null, {"@type": 5}]}, {"@type":["Thing","JobPosting"]}]</script>',
  'JSON-LD with hostile values': '<script type="application/ld+json">{"@type":"JobPosting","title":{"a":1},"hiringOrganization":[[]],"baseSalary":{"value":{"minValue":"lots"}},"validThrough":"not a date","jobLocation":[null,{"address":7}]}</script>',
  'deeply nested JSON-LD': `<script type="application/ld+json">${'['.repeat(5000)}${']'.repeat(5000)}</script>`,
  'unterminated data layer': '<body class="mds-body"><script>var ClientGoogleTagManagerDataLayer = [{"JobId": "1", "job": "Social</script><h1>Title</h1></body>',
  'dt without dd': '<dl><dt>Salary</dt><dt>Location</dt></dl><table><tr><th>Salary</th></tr></table>',
  huge: hugePage,
};

describe('malformed input never throws', () => {
  for (const [name, html] of Object.entries(broken)) {
    const doc = parseHtml(html);
    for (const module of modules) {
      it(`${module.id} on "${name}"`, () => {
        for (const url of urlsOf(module)) {
          const result = module.extract(doc, url);
          if (result) expect(Array.isArray(result.missing)).toBe(true);
        }
      });
    }
    it(`recognise on "${name}"`, () => {
      expect(() => recognise(new URL('https://jobs.communitycare.co.uk/job/1/x/'), doc, profiles)).not.toThrow();
    });
  }

  it('reads a partial advert from truncated JSON-LD with what the page still shows, and says what is missing', () => {
    const doc = parseHtml('<body class="mds-body"><script type="application/ld+json">{"@type":"JobPosting","title":"Soc</script><h1>Social Worker</h1></body>');
    const result = siteModules.find((m) => m.id === 'communitycare')?.extract(doc, new URL('https://jobs.communitycare.co.uk/job/42/social-worker/'));
    expect(result).toMatchObject({ kind: 'advert', title: 'Social Worker', externalId: '42', missing: ['employer', 'location', 'salary', 'closingDate'] });
  });

  it('the generic module ignores broken JSON-LD rather than guessing', () => {
    const doc = parseHtml(broken['truncated JSON-LD'] as string);
    expect(siteModules.find((m) => m.id === 'jsonld')?.extract(doc, new URL('https://example.org/job/1'))).toBeNull();
  });

  it('reads the JobPosting among wrong shapes, typed by an @type array', () => {
    const doc = parseHtml('<script type="application/ld+json">[null, {"@type":["Thing","JobPosting"],"title":"IRO"}]</script>');
    expect(siteModules.find((m) => m.id === 'jsonld')?.extract(doc, new URL('https://example.org/job/1'))).toMatchObject({ title: 'IRO' });
  });

  it('a huge listing is read in reasonable time', () => {
    const doc = parseHtml(hugePage, 'https://jobs.communitycare.co.uk/jobs/');
    const started = performance.now();
    const result = siteModules.find((m) => m.id === 'communitycare')?.extract(doc, new URL('https://jobs.communitycare.co.uk/jobs/'));
    expect(result?.kind === 'advert-list' && result.items.length).toBe(5000);
    expect(performance.now() - started).toBeLessThan(10000);
  });
});

describe('generic readers on huge pages', () => {
  const jobRows = (n: number) =>
    `<!doctype html><html><body><h1>Vacancies</h1><p>Showing 1 - ${n} of ${n} vacancies</p><div class="results">${Array.from(
      { length: n },
      (_, i) => `<div class="job"><h3><a href="/job/${i}">Social Worker ${i}</a></h3><p>Salary: £${30000 + i}</p><span class="location">Town ${i}</span></div>`,
    ).join('')}</div><p>${'word '.repeat(200000)}</p></body></html>`;

  it.each(['generic-advert', 'generic-listing'])('%s reads a 2,000-row page, or declines it, in reasonable time', (id) => {
    const doc = parseHtml(jobRows(2000), 'https://jobs.example.gov.uk/vacancies/all');
    const module = siteModules.find((m) => m.id === id);
    const started = performance.now();
    const result = module?.extract(doc, new URL('https://jobs.example.gov.uk/vacancies/all'));
    const elapsed = performance.now() - started;
    if (id === 'generic-listing') expect(result?.kind === 'advert-list' && [result.items.length, result.total]).toEqual([2000, 2000]);
    else expect(result).toBeNull(); // 2,000 salaries: a list, not an advert
    expect(elapsed).toBeLessThan(10000);
  }, 30_000); // parsing the page in happy-dom takes most of it on a loaded machine

  it('generic-listing declines the huge Madgex-shaped page of bare links (no facts) in reasonable time', () => {
    const doc = parseHtml(hugePage, 'https://example.org/jobs/');
    const started = performance.now();
    expect(siteModules.find((m) => m.id === 'generic-listing')?.extract(doc, new URL('https://example.org/jobs/'))).toBeNull();
    expect(performance.now() - started).toBeLessThan(10000);
  }, 30_000);
});
