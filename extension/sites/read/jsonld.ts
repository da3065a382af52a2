/**
 * Finds schema.org JobPosting objects in JSON-LD scripts: top-level objects, arrays and
 * @graph, @type as a string or array. Malformed JSON is repaired where that is cheap
 * (comments, CDATA, trailing commas, raw newlines in strings) and skipped otherwise.
 */
import { parseUkDate } from './dates';
import { formatJobLocation } from './location';
import type { PostingFields } from './posting';
import { formatBaseSalary } from './salary';
import { clean, decodeEntities, htmlToText } from './text';

type Json = unknown;
type JsonObject = Record<string, Json>;
const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseLenient(source: string): Json {
  try {
    return JSON.parse(source);
  } catch {
    const repaired = source
      .replace(/^\s*(<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return undefined;
    }
  }
}

function isType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && x.replace(/^.*[/#:]/, '').toLowerCase() === type.toLowerCase());
}

function collect(node: Json, type: string, out: JsonObject[], depth = 0): void {
  if (depth > 8) return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, type, out, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  if (isType(node, type)) out.push(node);
  if (node['@graph'] !== undefined) collect(node['@graph'], type, out, depth + 1);
  if (isObject(node.mainEntity) || Array.isArray(node.mainEntity)) collect(node.mainEntity, type, out, depth + 1);
}

/** Every JSON-LD node of the given @type in the document (default JobPosting). */
export function findJsonLd(doc: Document, type = 'JobPosting'): JsonObject[] {
  const out: JsonObject[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type]'))) {
    if (!/^application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    collect(parseLenient(script.textContent ?? ''), type, out);
  }
  return out;
}

/** A JSON-LD string value as plain text: entities decoded, any markup dropped. */
export function plainValue(v: Json): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const decoded = decodeEntities(v);
  return clean(/<[a-z/][^>]*>/i.test(decoded) ? decoded.replace(/<[^>]*>/g, ' ') : decoded);
}

function nameOf(v: Json): string | undefined {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (isObject(v)) return plainValue(v.name) ?? plainValue(v.legalName);
  return plainValue(v);
}

function identifierOf(v: Json): string | undefined {
  if (Array.isArray(v)) return identifierOf(v[0]);
  if (isObject(v)) return plainValue(v.value) ?? plainValue(v['@id']) ?? plainValue(v.name);
  return plainValue(v);
}

/** Reads the fields we use from one JobPosting object. */
export function readJsonLdPosting(posting: JsonObject): PostingFields {
  const description = typeof posting.description === 'string' ? htmlToText(posting.description) : undefined;
  return {
    title: plainValue(posting.title) ?? plainValue(posting.name),
    employer: nameOf(posting.hiringOrganization),
    location: formatJobLocation(posting.jobLocation, posting.jobLocationType),
    salary: formatBaseSalary(posting.baseSalary) ?? plainValue(posting.estimatedSalary),
    closingDate: parseUkDate(plainValue(posting.validThrough)),
    postedDate: parseUkDate(plainValue(posting.datePosted)),
    reference: identifierOf(posting.identifier),
    description: description || undefined,
  };
}

/** Fields of the first JobPosting in the document, or undefined when there is none. */
export function readJsonLd(doc: Document): PostingFields | undefined {
  const posting = findJsonLd(doc)[0];
  return posting ? readJsonLdPosting(posting) : undefined;
}
