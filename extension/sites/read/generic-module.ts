/**
 * The shape every generic reader shares: it detects every http(s) URL, asks for no host up
 * front (unknown boards and council domains are enabled at run time), and lets the page's
 * content decide.
 */
import type { SiteModule, SiteResult } from '../types';
import { safely } from './result';
import { isHttp } from './url';

/** Pages off the web, which no generic reader may detect: every generic module's own noMatch URLs. */
const OFF_THE_WEB = ['ftp://example.com/jobs/job.html', 'chrome-extension://abcdef/options.html', 'file:///tmp/advert.html'];

export function genericModule(spec: {
  id: string;
  name: string;
  read: (doc: Document, url: URL) => SiteResult | null;
  testUrls: SiteModule['testUrls'];
}): SiteModule {
  return {
    id: spec.id,
    name: spec.name,
    generic: true,
    matches: [],
    detect: (url) => isHttp(url),
    extract: (doc, url) => safely(() => spec.read(doc, url)),
    testUrls: { match: spec.testUrls.match, noMatch: [...OFF_THE_WEB, ...(spec.testUrls.noMatch ?? [])] },
  };
}
