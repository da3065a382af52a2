import './globals';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { describe, expect, it } from 'vitest';
import type { UserManifest } from 'wxt';
import config from '../../../wxt.config';
import contentScript from '@/entrypoints/communitycare.content';
import { contentScriptMatches, INSTALLED_SITES, installedSiteMatches } from '@/overlay/matches';
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

  it('takes the installed sites’ host permissions and the content script’s matches from the site registry', async () => {
    const manifest = await computedManifest();
    expect(installedSiteMatches()).toEqual(matchesFor(INSTALLED_SITES));
    expect(manifest.host_permissions).toEqual(expect.arrayContaining(installedSiteMatches()));
    // Without a demo origin, the static content script runs on the installed sites and nowhere else.
    expect(contentScript.matches).toEqual(installedSiteMatches());
    expect(contentScriptMatches('http://localhost:8790/pages/')).toEqual([...installedSiteMatches(), 'http://localhost:8790/*']);
  });

  it('matches every page the installed sites say they read', () => {
    const patterns = installedSiteMatches().map((p) => new MatchPattern(p));
    for (const site of INSTALLED_SITES) {
      for (const url of site.testUrls.match) expect(patterns.some((p) => p.includes(url)), url).toBe(true);
    }
  });
});
