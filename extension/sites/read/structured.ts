/** schema.org JobPosting from JSON-LD, with microdata filling any gaps. */
import { readJsonLd } from './jsonld';
import { readMicrodata } from './microdata';
import { mergeFields, type PostingFields } from './posting';

export function readStructured(doc: Document): PostingFields | undefined {
  const jsonLd = readJsonLd(doc);
  const microdata = readMicrodata(doc);
  if (!jsonLd && !microdata) return undefined;
  return mergeFields<PostingFields>(jsonLd, microdata);
}
