/** Location text from schema.org jobLocation (Place / PostalAddress, one or many). */
import { clean } from './text';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function placeText(place: Json): string | undefined {
  if (typeof place === 'string') return clean(place);
  if (!isObject(place)) return undefined;
  const address = place.address;
  if (typeof address === 'string') return clean(address);
  if (!isObject(address)) return clean(typeof place.name === 'string' ? place.name : undefined);
  // Town, region and postcode are what a person reads; the country adds nothing on UK boards.
  const parts = [address.addressLocality, address.addressRegion, address.postalCode]
    .map((p) => (typeof p === 'string' ? clean(p) : undefined))
    .filter((p): p is string => !!p);
  const unique = parts.filter((p, i) => parts.findIndex((q) => q.toLowerCase() === p.toLowerCase()) === i);
  return unique.length ? unique.join(', ') : clean(typeof place.name === 'string' ? place.name : undefined);
}

export function formatJobLocation(jobLocation: Json, jobLocationType?: Json): string | undefined {
  const places = Array.isArray(jobLocation) ? jobLocation : [jobLocation];
  const texts = places.map(placeText).filter((t): t is string => !!t);
  if (texts.length) return [...new Set(texts)].join('; ');
  if (typeof jobLocationType === 'string' && /telecommute/i.test(jobLocationType)) return 'Remote';
  return undefined;
}
