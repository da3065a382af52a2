/**
 * Any page with a schema.org JobPosting (JSON-LD or microdata): NHS Jobs, Eploy council
 * sites, many boards. Detects every http(s) URL, so the registry puts it last; extract
 * returns null when the page has no JobPosting.
 */
import { findJsonLd } from './read/jsonld';
import { genericModule } from './read/generic-module';
import { advertResult } from './read/result';
import { readStructured } from './read/structured';
import { param, trailingId } from './read/url';

const SITE = 'jsonld';

/** The board's id: the posting's own url, else the page URL (…/vacancy/915390428, ?jobId=…). */
function boardId(doc: Document, url: URL): string | undefined {
  const postingUrl = findJsonLd(doc)[0]?.url;
  return (
    (typeof postingUrl === 'string' ? trailingId(postingUrl) : undefined) ??
    param(url, 'jobId') ?? param(url, 'vacancyId') ?? param(url, 'id') ?? trailingId(url)
  );
}

/** Reads the page's JobPosting, or nothing when it has none. */
function readPosting(doc: Document, url: URL) {
  const fields = readStructured(doc);
  if (!fields) return null;
  return advertResult(SITE, url, { ...fields, externalId: fields.externalId ?? boardId(doc, url) });
}

export const jsonldGeneric = genericModule({
  id: SITE,
  name: 'Any page with schema.org JobPosting',
  read: readPosting,
  testUrls: {
    match: [
      'https://www.jobs.nhs.uk/xi/vacancy/915390428',
      'https://careers.examplecouncil.gov.uk/job-search/senior-social-worker-ref-0412',
      'http://localhost:5173/demo/advert.html',
    ],
  },
});
