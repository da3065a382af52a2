/**
 * The board name each site module's adverts are stored under, by module id: for the
 * background, which names boards but never reads pages, so it need not bundle the modules.
 * A unit test keeps it equal to the registry's own names.
 */
export const BOARD_NAMES: Readonly<Record<string, string>> = {
  communitycare: 'Community Care Jobs',
  madgex: 'Madgex job boards (Guardian Jobs and others)',
  'civil-service-jobs': 'Civil Service Jobs',
  greenhouse: 'Greenhouse job boards',
  lever: 'Lever',
  workable: 'Workable',
  linkedin: 'LinkedIn job view',
  oleeo: 'Oleeo',
  tribepad: 'Tribepad',
  jobtrain: 'Jobtrain',
  eploy: 'Eploy',
  itrent: 'iTrent',
  talentlink: 'TalentLink',
  networx: 'Networx',
  'oracle-recruiting-cloud': 'Oracle Recruiting Cloud',
  jsonld: 'Any page with schema.org JobPosting',
  'generic-advert': 'Any advert with labelled facts',
  'generic-listing': 'Any listing of job links',
  taught: 'Pages taught by the user',
};

/** The board an advert tracked from a site's page is stored under: the site module's own name. */
export const boardOf = (site: string) => (Object.hasOwn(BOARD_NAMES, site) ? BOARD_NAMES[site]! : site);
