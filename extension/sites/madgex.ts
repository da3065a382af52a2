/**
 * Other boards on the Madgex platform (Guardian Jobs and similar): same markup as Community
 * Care Jobs, so the reading is shared in read/madgex.ts. Detected by known hosts, because
 * Madgex paths (/jobs/, /job/{id}/) are too common to claim on any domain.
 */
import { isMadgexPath, readMadgex } from './read/madgex';
import { safely } from './read/result';
import { hostIs, isHttp } from './read/url';
import type { SiteModule } from './types';

const HOSTS = [
  'jobs.theguardian.com',
  'jobs.newscientist.com',
  'jobs.chronicle.com',
];

export const madgex: SiteModule = {
  id: 'madgex',
  name: 'Madgex job boards (Guardian Jobs and others)',
  matches: HOSTS.map((host) => `*://${host}/*`),
  detect: (url) => isHttp(url) && HOSTS.some((h) => hostIs(url, h)) && isMadgexPath(url),
  extract: (doc, url) => safely(() => readMadgex(doc, url, 'madgex')),
  testUrls: {
    match: [
      'https://jobs.theguardian.com/job/8765432/childrens-social-worker/',
      'https://jobs.theguardian.com/jobs/social-care/',
      'https://jobs.theguardian.com/searchjobs/?Keywords=social+worker',
      'https://jobs.newscientist.com/jobs/2/',
    ],
    noMatch: [
      'https://www.theguardian.com/society/2026/jan/05/social-work',
      'https://jobs.theguardian.com/employers/',
      'https://jobs.communitycare.co.uk/job/1234567/social-worker/',
    ],
  },
};
