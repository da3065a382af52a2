/**
 * The shape every generic reader shares: it detects every http(s) URL, asks for no host up
 * front (unknown boards and council domains are enabled at run time), and lets the page's
 * content decide.
 */
import type { SiteModule, SiteResult } from '../types';
import { safely } from './result';
import { isHttp } from './url';

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
    testUrls: spec.testUrls,
  };
}
