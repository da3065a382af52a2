/**
 * The build `npm start` makes for its localhost demo (WXT_DEMO_ORIGIN) and a production build:
 * the demo origin's host permission is exactly the pattern the overlay's installed matches name
 * (a pattern without the port left Chromium reporting that pattern as a site enabled at run
 * time, and the page got a second overlay); without WXT_DEMO_ORIGIN there is no demo origin
 * anywhere in the manifest.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installedOverlayMatches } from '../../../extension/overlay/matches';

async function manifestFor(demoOrigin: string | undefined) {
  vi.resetModules();
  if (demoOrigin === undefined) vi.stubEnv('WXT_DEMO_ORIGIN', undefined as unknown as string);
  else vi.stubEnv('WXT_DEMO_ORIGIN', demoOrigin);
  const config = (await import('../../../wxt.config')).default as { manifest: (env: { browser: string }) => { host_permissions: string[] } };
  return config.manifest({ browser: 'chrome' });
}

afterEach(() => vi.unstubAllEnvs());

describe('the demo build', () => {
  it("grants the demo origin with its port, exactly as the overlay's installed matches name it", async () => {
    const manifest = await manifestFor('http://localhost:8790');
    const demoMatch = installedOverlayMatches('http://localhost:8790').at(-1)!;
    expect(demoMatch).toBe('http://localhost:8790/*');
    expect(manifest.host_permissions).toContain(demoMatch);
    expect(manifest.host_permissions.filter((p) => p.includes('localhost'))).toEqual([demoMatch]);
  });

  it('a production build names no demo origin', async () => {
    const manifest = await manifestFor(undefined);
    expect(manifest.host_permissions.some((p) => p.includes('localhost'))).toBe(false);
    expect(installedOverlayMatches('')).not.toContain(expect.stringContaining('localhost'));
  });
});
