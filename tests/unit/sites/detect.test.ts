/**
 * Every module against its own test URLs and everyone else's (github-url-detection style):
 * it must match its own match URLs, none of its noMatch URLs, and no other module's match URLs.
 * The generic readers detect every http(s) URL by design: for them, extract must return
 * null on pages that are not adverts (tested in cross-negative.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { siteModules } from '@/sites/index';
import { taughtModule } from '@/sites/taught';
import { ownPages } from './pages';

const profiles = ownPages().flatMap((p) => (p.profile ? [p.profile] : []));
const modules = [taughtModule(profiles), ...siteModules];

describe.each(modules.map((m) => [m.id, m] as const))('%s detect', (id, module) => {
  it('has at least one match URL', () => {
    expect(module.testUrls.match.length).toBeGreaterThan(0);
  });

  it.each(module.testUrls.match)('matches %s', (url) => {
    expect(module.detect(new URL(url))).toBe(true);
  });

  it.each(module.testUrls.noMatch ?? [])('does not match %s', (url) => {
    expect(module.detect(new URL(url))).toBe(false);
  });

  if (!module.generic) {
    const others = modules.filter((m) => m.id !== id).flatMap((m) => m.testUrls.match.map((url) => [m.id, url] as const));
    it.each(others)('does not match %s URL %s', (_other, url) => {
      expect(module.detect(new URL(url))).toBe(false);
    });
  }
});

describe('match patterns', () => {
  // A WebExtension match pattern: scheme://host/path, host "*", "*.domain" or a plain host.
  const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/;
  it.each(siteModules.flatMap((m) => m.matches.map((p) => [m.id, p] as const)))('%s pattern %s is valid', (_id, pattern) => {
    expect(pattern).toMatch(PATTERN);
  });

  it('a module with match patterns covers its own match URLs with them', () => {
    const toRegex = (pattern: string) => {
      const [, scheme = '', host = '', path = ''] = /^([^:]+):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
      const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      const hostRe = host === '*' ? '[^/]+' : host.startsWith('*.') ? `([^/]+\\.)?${esc(host.slice(2))}` : esc(host);
      const schemeRe = scheme === '*' ? 'https?' : scheme;
      // Hosts compare case-insensitively (URL lower-cases them); paths are case-sensitive.
      return new RegExp(`^${schemeRe}://${hostRe}${path.split('*').map(esc).join('.*')}$`);
    };
    for (const module of siteModules.filter((m) => m.matches.length)) {
      for (const url of module.testUrls.match) {
        const u = new URL(url);
        // An app routed by hash on the employer's own domain (Oracle's vanity hosts) is granted
        // at run time, like every council domain: no static pattern can name it.
        if (u.hash && !module.matches.some((p) => toRegex(p).test(`${u.protocol}//${u.host}/`))) continue;
        const covered = module.matches.some((p) => toRegex(p).test(`${u.protocol}//${u.host}${u.pathname}${u.search}`));
        expect(covered, `${module.id}: ${url}`).toBe(true);
      }
    }
  });
});
