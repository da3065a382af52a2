/**
 * The site registry, in priority order: pages the user taught, then specific sites, then
 * the generic readers, which detect every URL and so must come last: a JobPosting first,
 * then an advert's labelled facts, then a listing's repeated job links.
 */
import { civilServiceJobs } from './civil-service-jobs';
import { communitycare } from './communitycare';
import { eploy } from './eploy';
import { genericAdvert } from './generic-advert';
import { genericListing } from './generic-listing';
import { greenhouse } from './greenhouse';
import { itrent } from './itrent';
import { jobtrain } from './jobtrain';
import { jsonldGeneric } from './jsonld-generic';
import { lever } from './lever';
import { linkedin } from './linkedin';
import { madgex } from './madgex';
import { networx } from './networx';
import { oleeo } from './oleeo';
import { oracleRecruitingCloud } from './oracle-recruiting-cloud';
import { talentlink } from './talentlink';
import { taughtModule, type SiteProfile } from './taught';
import { tribepad } from './tribepad';
import type { SiteModule, SiteResult } from './types';
import { workable } from './workable';

export type { SiteModule, SiteResult } from './types';
export type { SiteProfile } from './taught';

/** Modules with a fixed definition, most specific first, the generic readers last. */
export const siteModules: readonly SiteModule[] = [
  communitycare,
  madgex,
  civilServiceJobs,
  greenhouse,
  lever,
  workable,
  linkedin,
  oleeo,
  tribepad,
  jobtrain,
  eploy,
  itrent,
  talentlink,
  networx,
  oracleRecruitingCloud,
  jsonldGeneric,
  genericAdvert,
  genericListing,
];

/** The full registry for a user: their taught profiles come before everything else. */
export function registry(profiles: readonly SiteProfile[] = []): SiteModule[] {
  return profiles.length ? [taughtModule(profiles), ...siteModules] : [...siteModules];
}

export interface Recognised {
  module: SiteModule;
  result: SiteResult;
}

/**
 * The first module whose detect accepts the URL and whose extract reads the page, or null
 * ("not recognised"). A module that detects the URL but cannot read the page (an unrendered
 * Jobtrain page, a board page with no JobPosting) lets the next one try.
 */
export function recognise(url: URL, doc: Document, profiles: readonly SiteProfile[] = []): Recognised | null {
  for (const module of registry(profiles)) {
    let detected = false;
    try {
      detected = module.detect(url);
    } catch {
      detected = false;
    }
    if (!detected) continue;
    const result = module.extract(doc, url);
    if (result) return { module, result };
  }
  return null;
}

/** Every static match pattern, de-duplicated, for the manifest and content script registration. */
export function matchesFor(modules: readonly SiteModule[] = siteModules): string[] {
  return [...new Set(modules.flatMap((m) => m.matches))];
}
