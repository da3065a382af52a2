/**
 * What a site module reads from a page. Pure data: the content script turns it into
 * overlay state and messages; nothing here touches the browser.
 */

/** Fields a person expects on an advert; listed in `missing` when the page does not give them. */
export type AdvertField = 'title' | 'employer' | 'location' | 'salary' | 'closingDate' | 'reference';

export interface AdvertResult {
  kind: 'advert';
  site: string;
  url: string;
  title: string;
  employer?: string;
  location?: string;
  salary?: string;
  /** YYYY-MM-DD, the date in Europe/London. */
  closingDate?: string;
  /** YYYY-MM-DD. */
  postedDate?: string;
  /** The employer's own job reference (e.g. "CSC1234"). */
  reference?: string;
  /** The board's id for the advert (e.g. the number in the URL). */
  externalId?: string;
  expired: boolean;
  missing: string[];
  /**
   * Set by the generic readers (boards no module knows): the advert fields the page was
   * seen to carry. A reading that found little is shown, not offered for tracking.
   */
  found?: AdvertField[];
}

export interface AdvertListItem {
  externalId?: string;
  title: string;
  /** Absolute URL of the advert. */
  href: string;
  location?: string;
  employer?: string;
  salary?: string;
  closingDate?: string;
  /** The employer's job reference, where a listing shows it (Civil Service Jobs does). */
  reference?: string;
}

export interface AdvertListResult {
  kind: 'advert-list';
  site: string;
  url: string;
  /** The organisation whose board this is, when the whole list belongs to one employer. */
  employer?: string;
  /** Total results the site reports across all pages, when it says. */
  total?: number;
  items: AdvertListItem[];
  missing: string[];
}

export interface CandidateResult {
  kind: 'candidate';
  site: string;
  url: string;
  name?: string;
  reference?: string;
  /** The stage as the ATS words it; mapping to our stages happens elsewhere. */
  stage?: string;
  email?: string;
  missing: string[];
}

export type SiteResult = AdvertResult | AdvertListResult | CandidateResult;

export interface SiteModule {
  id: string;
  name: string;
  /** WebExtension match patterns for the pages this module reads. */
  matches: string[];
  /** Pure: true when the URL looks like a page this module can read. */
  detect(url: URL): boolean;
  /** Pure and total: null when the page is not one this module can read; never throws. */
  extract(doc: Document, url: URL): SiteResult | null;
  testUrls: { match: string[]; noMatch?: string[] };
  /**
   * A generic reader: detects every http(s) URL and reads any page whose content qualifies
   * (a JobPosting, an advert's labelled facts, a listing's job links), so the registry puts
   * it after every specific module.
   */
  generic?: boolean;
}
