/**
 * LinkedIn public job view (/jobs/view/{slug}-{id}). Only the top card is read: the
 * description and the "similar jobs" cards carry dollar figures that are not this job's
 * salary, so salary comes only from the top card's own compensation element.
 */
import { advertResult, safely } from './read/result';
import { textAt } from './read/text';
import { hostIs, isHttp } from './read/url';
import type { SiteModule } from './types';

const SITE = 'linkedin';
const VIEW_PATH = /^\/jobs\/view\/(?:[^/]*-)?(\d{6,})\/?$/;

export const linkedin: SiteModule = {
  id: SITE,
  name: 'LinkedIn job view',
  matches: ['*://*.linkedin.com/jobs/view/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'linkedin.com') && VIEW_PATH.test(url.pathname),
  extract: (doc, url) =>
    safely(() => {
      const card = doc.querySelector('.top-card-layout, .topcard');
      if (!card) return null;
      const flavours = card.querySelector('.topcard__flavor-row');
      return advertResult(
        SITE,
        url,
        {
          title: textAt(card, '.top-card-layout__title', '.topcard__title', 'h1'),
          employer: textAt(card, '.topcard__org-name-link', '.topcard__flavor'),
          location: flavours ? textAt(flavours, '.topcard__flavor--bullet') : undefined,
          salary: textAt(card, '.compensation__salary', '.salary'),
          externalId: VIEW_PATH.exec(url.pathname)?.[1],
        },
        // LinkedIn adverts rarely show a closing date; do not report it as missing.
        ['title', 'employer', 'location', 'salary'],
      );
    }),
  testUrls: {
    match: [
      'https://au.linkedin.com/jobs/view/senior-software-engineer-developer-experience-at-heidi-4411867124',
      'https://www.linkedin.com/jobs/view/4411867124/',
      'https://uk.linkedin.com/jobs/view/social-worker-at-leeds-city-council-3999888777',
    ],
    noMatch: ['https://www.linkedin.com/jobs/search/?keywords=social%20worker', 'https://www.linkedin.com/in/someone/', 'https://linkedin.example.com/jobs/view/123456789'],
  },
};
