/**
 * The localhost demo of `npm start` serves each demo page under the real URL it stands for:
 * `http://localhost:8790/jobs.communitycare.co.uk/job/4188275/…` is
 * `https://jobs.communitycare.co.uk/job/4188275/…`. The rule, pure and shared by the content
 * script (which reads such a page as its real URL) and the background (which looks up and
 * stores at the real URL the tab stands for). Only builds made for that demo (WXT_DEMO_ORIGIN)
 * have a demo origin; every other build, and every other URL, is taken as it is.
 */

/** The build's demo origin; '' in production builds, and where no build defined it (unit tests). */
export const BUILD_DEMO_ORIGIN: string = typeof __SHORTLIST_DEMO_ORIGIN__ === 'string' ? __SHORTLIST_DEMO_ORIGIN__ : '';

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
 * The URL a tab's page stands for: in a demo build, the real URL of a localhost demo page;
 * otherwise (production builds, any other URL) the tab's URL itself.
 */
export function pageUrlOf(tabUrl: string, demoOrigin: string = BUILD_DEMO_ORIGIN): string {
  const url = new URL(tabUrl);
  return realUrlOf(url, demoOrigin)?.href ?? url.href;
}
