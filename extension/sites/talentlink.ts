/** TalentLink (Lumesse / Cornerstone) job pages on *.recruitmentplatform.com. */
import { readAtsAdvert } from './read/ats';
import { safely } from './read/result';
import { hostIs, isHttp, pageReferences, param } from './read/url';
import type { SiteModule } from './types';

const SITE = 'talentlink';
/** Job details, syndicated widget pages and the apply app carry the posting in the query. */
const JOB_PATH = /^\/(syndicated|apply-app|fo)\//i;

export const talentlink: SiteModule = {
  id: SITE,
  name: 'TalentLink',
  matches: ['*://*.recruitmentplatform.com/*'],
  detect: (url) => isHttp(url) && hostIs(url, 'recruitmentplatform.com') && JOB_PATH.test(url.pathname),
  extract: (doc, url) =>
    safely(() => {
      if (!pageReferences(doc, /lumesse|talentlink|recruitmentplatform/i)) return null;
      return readAtsAdvert(doc, url, {
        site: SITE,
        titleSelectors: ['.job-title', '#job-details h1', 'h1'],
        detailsSelector: '#job-details, .job-details',
        externalId: param(url, 'nPostingTargetID') ?? param(url, 'jobId') ?? param(url, 'ID'),
      });
    }),
  testUrls: {
    match: [
      'https://emea3.recruitmentplatform.com/syndicated/lay/laydisplayrapido.cfm?ID=PXSFK026203F3VBQB7V7VV4S8&nPostingTargetID=118203&option=52&sort=DESC&respnr=1&LG=UK&mask=ext',
      'https://emea3.recruitmentplatform.com/apply-app/pages/application-form?jobId=Q6UFK026203F3VBQB7V7VV4S8-118203&langCode=en_GB',
    ],
    noMatch: ['https://emea3.recruitmentplatform.com/', 'https://www.recruitmentplatform.co.uk/syndicated/x'],
  },
};
