/** URL helpers for detectors and readers. */

export const isHttp = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';

/** True when the host is the domain or a subdomain of it. */
export function hostIs(url: URL, domain: string): boolean {
  const host = url.hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

/** Resolves an href against the page URL; undefined for javascript:, mailto: and junk. */
export function absolute(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return isHttp(url) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A query parameter read case-insensitively (ATSs disagree on JobId / jobid / JOBID). */
export function param(url: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === wanted && value) return value;
  return undefined;
}

/** The last long number in a URL path, a common shape for a board's job id. */
export function trailingId(url: URL | string): string | undefined {
  let path: string;
  try {
    path = typeof url === 'string' ? new URL(url).pathname : url.pathname;
  } catch {
    return undefined;
  }
  const matches = path.match(/\d{5,}/g);
  return matches?.[matches.length - 1];
}

/**
 * Whether the page shows a platform's fingerprint: its assets (script, stylesheet, form
 * action, generator meta) or a "Powered by" footer. Links in the body are not counted: an
 * advert on one site may link to another platform (Civil Service Jobs links to Oleeo).
 */
export function pageReferences(doc: Document, pattern: RegExp): boolean {
  for (const el of Array.from(doc.querySelectorAll('script[src], link[href], form[action], img[src], iframe[src], meta[name="generator"]'))) {
    const ref = el.getAttribute('src') ?? el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('content') ?? '';
    if (pattern.test(ref)) return true;
  }
  for (const el of Array.from(doc.querySelectorAll('footer, #footer, .footer, [class*="powered"]'))) {
    const text = el.textContent ?? '';
    const powered = /powered by\s+(.{0,40})/i.exec(text)?.[1] ?? '';
    if (pattern.test(powered)) return true;
  }
  return false;
}
