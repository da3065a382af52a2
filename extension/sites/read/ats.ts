/**
 * The common shape of council ATS advert pages (Oleeo, Tribepad, Jobtrain, iTrent,
 * Networx): a heading with the title, a block of labelled details (dt/dd, table rows),
 * sometimes a JSON-LD JobPosting. JSON-LD wins; labels fill the gaps; the heading is the
 * last resort. TalentLink, Eploy and Oracle mark their fields with classes of their own and
 * read them in their modules.
 */
import type { AdvertField, AdvertResult } from '../types';
import { parseUkDate } from './dates';
import { ADVERT_LABELS, readLabelled } from './labels';
import { mergeFields, type PostingFields } from './posting';
import { advertResult, EXPECTED_ADVERT_FIELDS } from './result';
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
