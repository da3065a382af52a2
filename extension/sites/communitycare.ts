/** Community Care Jobs (jobs.communitycare.co.uk), a Madgex board: job pages and listings. */
import { isMadgexPath, readMadgex } from './read/madgex';
import { safely } from './read/result';
import { hostIs, isHttp } from './read/url';
import type { SiteModule } from './types';

export const communitycare: SiteModule = {
  id: 'communitycare',
  name: 'Community Care Jobs',
  matches: ['*://jobs.communitycare.co.uk/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'jobs.communitycare.co.uk') && isMadgexPath(url),
  extract: (doc, url) => safely(() => readMadgex(doc, url, 'communitycare')),
  testUrls: {
    match: [
      'https://jobs.communitycare.co.uk/job/1234567/social-worker-children-in-care/',
      'https://jobs.communitycare.co.uk/job/7654321/',
      'https://jobs.communitycare.co.uk/jobs/',
      'https://jobs.communitycare.co.uk/jobs/2/',
      'https://jobs.communitycare.co.uk/jobs/childrens-services/',
      'https://jobs.communitycare.co.uk/searchjobs/?Keywords=social+worker&radialtown=Leeds',
    ],
    noMatch: [
      'https://jobs.communitycare.co.uk/',
      'https://jobs.communitycare.co.uk/employers/',
      'https://www.communitycare.co.uk/2026/01/05/news-story/',
      'https://jobs.theguardian.com/job/1234567/social-worker/',
    ],
  },
};
