/**
 * The common shape of council ATS advert pages (Oleeo, Tribepad, Jobtrain, iTrent,
 * Networx): a heading with the title, a block of labelled details (dt/dd, table rows),
 * sometimes a JSON-LD JobPosting. JSON-LD wins; labels fill the gaps; the heading is the
 * last resort. TalentLink, Eploy and Oracle mark their fields with classes of their own and
 * read them in their modules.
 */
import type { AdvertField, AdvertResult, SiteModule } from '../types';
import { parseUkDate } from './dates';
import { ADVERT_LABELS, readLabelled } from './labels';
import { mergeFields, type PostingFields } from './posting';
import { advertResult, EXPECTED_ADVERT_FIELDS, safely } from './result';
import { readStructured } from './structured';
import { textAt } from './text';

export interface AtsPageOptions {
  site: string;
  /** Where the title is, most specific first. */
  titleSelectors: string[];
  /** Where the details are (defaults to the whole document). */
  detailsSelector?: string;
  externalId?: string;
  expected?: readonly AdvertField[];
  /** Page-specific fields, used after JSON-LD and labels. */
  extra?: PostingFields;
}

/** Council adverts always carry the council's own reference, so its absence is worth reporting. */
export const ATS_EXPECTED: readonly AdvertField[] = [...EXPECTED_ADVERT_FIELDS, 'reference'];

export function readAtsAdvert(doc: Document, url: URL, options: AtsPageOptions): AdvertResult | null {
  const root: ParentNode = (options.detailsSelector && doc.querySelector(options.detailsSelector)) || doc;
  const labelled = readLabelled(root, ADVERT_LABELS);
  const fields = mergeFields<PostingFields>(
    readStructured(doc),
    {
      ...labelled,
      closingDate: parseUkDate(labelled.closingDate),
      postedDate: parseUkDate(labelled.postedDate),
    },
    { title: textAt(doc, ...options.titleSelectors), externalId: options.externalId },
    options.extra,
  );
  return advertResult(options.site, url, fields, options.expected ?? ATS_EXPECTED);
}

export interface AtsModuleSpec extends Omit<AtsPageOptions, 'site' | 'externalId'>, Omit<SiteModule, 'extract' | 'generic'> {
  /** True when the document is this ATS's advert and ready to read: its own markup or assets, whatever the host. */
  isAdvert: (doc: Document, url: URL) => boolean;
  /** The board's id for the advert (from the URL or the page). */
  externalId: (doc: Document, url: URL) => string | undefined;
}

/** A module for a council ATS whose adverts read the common way: only its own pages, then `readAtsAdvert`. */
export function atsAdvertModule(spec: AtsModuleSpec): SiteModule {
  const { id, name, matches, detect, testUrls, isAdvert, externalId, ...page } = spec;
  return {
    id,
    name,
    matches,
    detect,
    extract: (doc, url) => safely(() => (isAdvert(doc, url) ? readAtsAdvert(doc, url, { ...page, site: id, externalId: externalId(doc, url) }) : null)),
    testUrls,
  };
}
