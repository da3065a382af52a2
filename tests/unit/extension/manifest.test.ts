import './globals';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import config from '../../../wxt.config';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { INSTALLED_SITES, installedOverlayMatches, installedSiteMatches } from '@/overlay/matches';
import { matchesFor } from '@/sites/index';

/** The manifest wxt.config.ts computes for a Chrome build with the default server and no demo origin. */
async function computedManifest(): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts should compute the manifest');
  return manifest({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
}

describe('the manifest', () => {
  it('asks for exactly these permissions: adding one must be a decision, made here', async () => {
    const manifest = await computedManifest();
    expect({ permissions: manifest.permissions, host_permissions: manifest.host_permissions, optional_host_permissions: manifest.optional_host_permissions }).toEqual({
      permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
      host_permissions: ['*://jobs.communitycare.co.uk/*', 'http://127.0.0.1/*'],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
    });
  });

  it('takes the installed sites’ host permissions and the overlay’s installed matches from the site registry', async () => {
    const manifest = await computedManifest();
    expect(installedSiteMatches()).toEqual(matchesFor(INSTALLED_SITES));
    expect(manifest.host_permissions).toEqual(expect.arrayContaining(installedSiteMatches()));
    // Without a demo origin, the overlay comes by itself to the installed sites and nowhere else.
    expect(installedOverlayMatches('')).toEqual(installedSiteMatches());
    expect(installedOverlayMatches('http://localhost:8790/pages/')).toEqual([...installedSiteMatches(), 'http://localhost:8790/*']);
  });

  it('lets the overlay’s pages frame overlay.html on the installed sites and any host a person may enable, nowhere else', async () => {
    const manifest = await computedManifest();
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['overlay.html'], matches: [...installedSiteMatches(), 'https://*/*', 'http://*/*'] }]);
  });

  it('puts no content script in the manifest that runs on the overlay’s sites: the background injects the overlay after `load`', async () => {
    // The overlay's own script is no content script at all (entrypoints/page-overlay.ts, injected by overlay/background/page-loads.ts).
    // Every content script in the manifest, by its entrypoint: only the server's invitation page has one.
    const dir = path.join(import.meta.dirname, '../../../extension/entrypoints');
    const inManifest: Record<string, string[]> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.content.ts'))) {
      const { default: script } = (await import(path.join(dir, file))) as { default: { registration?: string; matches: string[] } };
      if (script.registration !== 'runtime') inManifest[file] = script.matches;
    }
    expect(inManifest).toEqual({ 'invite.content.ts': ['http://fallback.test/invite/*'] });
  });

  it('matches every page the installed sites say they read', () => {
    const patterns = installedSiteMatches().map((p) => new MatchPattern(p));
    for (const site of INSTALLED_SITES) {
      for (const url of site.testUrls.match) expect(patterns.some((p) => p.includes(url)), url).toBe(true);
    }
  });
});
