/**
 * Pages taught by the user: back-office ATS screens behind login, different in every council.
 * The user points at the candidate's name, reference and stage once; the profile stores
 * where they are, and from then on the extension only reads those elements.
 */
import { parseUkDate } from './read/dates';
import { advertResult, safely } from './read/result';
import { clean, textOf } from './read/text';
import { isHttp } from './read/url';
import type { CandidateResult, SiteModule, SiteResult } from './types';

export { selectorFor } from './read/selector';

export type TaughtField = 'name' | 'reference' | 'stage' | 'email' | 'title' | 'closingDate';

export interface SiteProfile {
  id: string;
  /** Hostname, or "*.example.gov.uk" for any subdomain. */
  host: string;
  /** A path glob ("/candidates/*\/view", "**" crosses "/") or a regex written "/.../" or "^...". */
  pathPattern: string;
  kind: 'candidate' | 'advert';
  fields: Partial<Record<TaughtField, string>>;
  /** The page the profile was taught on; doubles as its test URL. */
  exampleUrl?: string;
}

function hostMatches(pattern: string, url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const wanted = pattern.toLowerCase();
  if (wanted.startsWith('*.')) return host.endsWith(wanted.slice(1)) || host === wanted.slice(2);
  return host === wanted;
}

function pathRegex(pattern: string): RegExp | undefined {
  try {
    if (pattern.startsWith('/') && pattern.length > 2 && pattern.endsWith('/') && !pattern.includes('*')) {
      return new RegExp(pattern.slice(1, -1), 'i');
    }
    if (pattern.startsWith('^')) return new RegExp(pattern, 'i');
    const body = pattern
      .split('**')
      .map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/?&]*'))
      .join('.*');
    return new RegExp(`^${body}$`, 'i');
  } catch {
    return undefined;
  }
}

/** Pure: whether the profile applies to the URL (host, then path with the query when the pattern has one). */
export function profileMatches(profile: SiteProfile, url: URL): boolean {
  if (!isHttp(url) || !hostMatches(profile.host, url)) return false;
  const regex = pathRegex(profile.pathPattern);
  if (!regex) return false;
  const target = profile.pathPattern.includes('?') ? url.pathname + url.search : url.pathname;
  return regex.test(target);
}

/** The text a field element shows: form controls by value, mail links by address, else text. */
function readElement(el: Element | null, field: TaughtField): string | undefined {
  if (!el) return undefined;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA') return clean((el as HTMLInputElement).value ?? el.getAttribute('value'));
  if (tag === 'SELECT') return textOf(el.querySelector('option[selected]') ?? el.querySelector('option'));
  if (field === 'email') {
    const mail = el.matches('a[href^="mailto:"]') ? el : el.querySelector('a[href^="mailto:"]');
    const address = mail?.getAttribute('href')?.replace(/^mailto:/i, '').split('?')[0];
    if (address) return clean(decodeURIComponent(address));
    const found = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(textOf(el) ?? '')?.[0];
    return found;
  }
  return textOf(el);
}

function readField(profile: SiteProfile, doc: Document, field: TaughtField): string | undefined {
  const selector = profile.fields[field];
  if (!selector) return undefined;
  try {
    return readElement(doc.querySelector(selector), field);
  } catch {
    return undefined; // a stored selector this DOM cannot parse
  }
}

const CANDIDATE_EXPECTED: readonly TaughtField[] = ['name', 'reference', 'stage'];

/** Reads a page with a taught profile; null when the profile does not apply or finds nothing. */
export function extractWithProfile(profile: SiteProfile, doc: Document, url: URL): SiteResult | null {
  return safely(() => {
    if (!profileMatches(profile, url)) return null;
    const site = `taught:${profile.id}`;
    if (profile.kind === 'advert') {
      return advertResult(
        site,
        url,
        {
          title: readField(profile, doc, 'title'),
          reference: readField(profile, doc, 'reference'),
          closingDate: parseUkDate(readField(profile, doc, 'closingDate')),
        },
        (['title', 'reference', 'closingDate'] as const).filter((f) => profile.fields[f]),
      );
    }
    const result: CandidateResult = { kind: 'candidate', site, url: url.href, missing: [] };
    for (const field of ['name', 'reference', 'stage', 'email'] as const) {
      const value = readField(profile, doc, field);
      if (value) result[field] = value;
    }
    if (!result.name && !result.reference && !result.email) return null;
    const expected = new Set<TaughtField>([...CANDIDATE_EXPECTED, ...(Object.keys(profile.fields) as TaughtField[])]);
    result.missing = (['name', 'reference', 'stage', 'email'] as const).filter((f) => expected.has(f) && !result[f]);
    return result;
  });
}

/** The registry entry for the user's profiles: first profile that applies and reads wins. */
export function taughtModule(profiles: readonly SiteProfile[]): SiteModule {
  return {
    id: 'taught',
    name: 'Pages taught by the user',
    // Host permission is asked per site when the user teaches a page, not declared up front.
    matches: [],
    detect: (url) => profiles.some((p) => profileMatches(p, url)),
    extract: (doc, url) => {
      for (const profile of profiles) {
        const result = extractWithProfile(profile, doc, url);
        if (result) return result;
      }
      return null;
    },
    testUrls: { match: profiles.flatMap((p) => (p.exampleUrl ? [p.exampleUrl] : [])) },
  };
}
