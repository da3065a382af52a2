/**
 * The localhost demo of `npm start` serves each demo page under the real URL it stands for:
 * `http://localhost:8790/jobs.communitycare.co.uk/job/4188275/…` is
 * `https://jobs.communitycare.co.uk/job/4188275/…`. In builds made for that demo (WXT_DEMO_ORIGIN)
 * the site registry reads such a page as its real URL, so the module of the site it imitates
 * applies; every other build, and every other URL, is read as it is.
 */
import { recognise, type Recognised, type SiteProfile } from '@/sites/index';

/** The build's demo origin; '' in production builds, and where no build defined it (unit tests of the content script). */
const BUILD_DEMO_ORIGIN: string = typeof __SHORTLIST_DEMO_ORIGIN__ === 'string' ? __SHORTLIST_DEMO_ORIGIN__ : '';

/** A first path segment that names a host: labels of letters, digits and hyphens, at least one dot. */
const HOST_SEGMENT = /^\/((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(\/.*)?$/i;

const originOf = (demoOrigin: string): string | null => {
  try {
    return demoOrigin ? new URL(demoOrigin).origin : null;
  } catch {
    return null;
  }
};

/** The real URL a localhost demo URL stands for, or null when it is not one (or there is no demo origin). */
export function realUrlOf(url: URL, demoOrigin: string): URL | null {
  const origin = originOf(demoOrigin);
  if (!origin || url.origin !== origin) return null;
  const m = HOST_SEGMENT.exec(url.pathname);
  if (!m) return null;
  return new URL(`https://${m[1]!.toLowerCase()}${m[2] ?? '/'}${url.search}${url.hash}`);
}

/** The localhost demo URL of a real URL: the inverse of realUrlOf. */
export function demoUrlOf(realUrl: string, demoOrigin: string): string {
  const origin = originOf(demoOrigin);
  const u = new URL(realUrl);
  return origin ? `${origin}/${u.hostname}${u.pathname}${u.search}${u.hash}` : realUrl;
}

/**
 * Recognises a page, reading a localhost demo page as the real page it stands for. A listing's
 * links are given back as the demo page's own, so its badges find them; a page taught on the
 * demo host itself (its profile names `localhost`) is read at its own URL.
 */
export function recogniseWithDemoAlias(url: URL, doc: Document, profiles: readonly SiteProfile[], demoOrigin: string = BUILD_DEMO_ORIGIN): Recognised | null {
  const real = realUrlOf(url, demoOrigin);
  if (!real) return recognise(url, doc, profiles);
  const recognised = recognise(real, doc, profiles);
  if (!recognised) return recognise(url, doc, profiles);
  const { result } = recognised;
  if (result.kind !== 'advert-list') return recognised;
  return { ...recognised, result: { ...result, items: result.items.map((item) => ({ ...item, href: demoUrlOf(item.href, demoOrigin) })) } };
}
