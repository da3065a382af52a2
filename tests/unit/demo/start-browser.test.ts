/** `npm start`'s choice of opening a browser window (scripts/lib/demo-browser.ts). */
import { describe, expect, it } from 'vitest';
import { browserCandidates, hostResolverRules, planBrowser } from '../../../scripts/lib/demo-browser';

const only = (...present: string[]) => (p: string) => present.includes(p);

describe('npm start opens a browser', () => {
  it('on Linux with a display, the first browser found: CHROME_PATH, then Chromium, then Chrome', () => {
    expect(planBrowser([], { DISPLAY: ':0' }, 'linux', only('/usr/bin/chromium', '/usr/bin/google-chrome'))).toEqual({ open: true, executablePath: '/usr/bin/chromium' });
    expect(planBrowser([], { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', only('/usr/bin/google-chrome'))).toEqual({ open: true, executablePath: '/usr/bin/google-chrome' });
    expect(planBrowser([], { DISPLAY: ':0', CHROME_PATH: '/opt/chrome/chrome' }, 'linux', only('/opt/chrome/chrome', '/usr/bin/chromium'))).toEqual({ open: true, executablePath: '/opt/chrome/chrome' });
  });

  it('on macOS, the app bundles', () => {
    expect(planBrowser([], {}, 'darwin', only('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))).toEqual({ open: true, executablePath: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' });
    expect(browserCandidates({}, 'darwin')[0]).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('not with --no-browser, not without a display on Linux, not without a browser; each says why', () => {
    const all = () => true;
    expect(planBrowser(['--no-browser'], { DISPLAY: ':0' }, 'linux', all)).toEqual({ open: false, reason: '--no-browser' });
    expect(planBrowser([], {}, 'linux', all)).toMatchObject({ open: false, reason: expect.stringContaining('no display') });
    expect(planBrowser([], { DISPLAY: ':0' }, 'linux', () => false)).toMatchObject({ open: false, reason: expect.stringContaining('CHROME_PATH') });
  });

  it('maps only the demo host names onto the page server', () => {
    expect(hostResolverRules(['jobs.communitycare.co.uk', 'demo.shortlist.example'], 8790)).toBe('MAP jobs.communitycare.co.uk 127.0.0.1:8790, MAP demo.shortlist.example 127.0.0.1:8790');
  });
});
