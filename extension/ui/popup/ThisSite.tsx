import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { sendToTab } from '@/messages/send-to-tab';
import { enableSite, originPattern } from '@/overlay/background/site-access';

/** "Enable Shortlist on this site": permission for one council ATS host at a time, asked when needed. */
export function ThisSite() {
  const [tab, setTab] = useState<{ id: number; url: string } | null>(null);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(async ([t]) => {
      if (!t?.id || !t.url || !/^https?:/.test(t.url)) return;
      setTab({ id: t.id, url: t.url });
      setEnabled(await browser.permissions.contains({ origins: [originPattern(t.url)] }));
    });
  }, []);
  if (!tab) return null;
  const host = new URL(tab.url).host;
  async function enable() {
    const ok = await enableSite(tab!.id, tab!.url);
    setEnabled(ok);
    setMessage(ok ? `Shortlist now reads ${host}.` : 'Permission was not given.');
  }
  async function teach() {
    try {
      await sendToTab(tab!.id, { type: 'teach:start' });
      window.close();
    } catch {
      setMessage('Reload the page, then try again: Shortlist is not running on it yet.');
    }
  }
  return (
    <section aria-label="This site">
      <h2 style={{ fontSize: '14px', margin: '12px 0 4px' }}>{host}</h2>
      {enabled ? (
        <>
          <p>Shortlist reads pages on this site.</p>
          <button type="button" onClick={teach}>
            Teach Shortlist this page
          </button>
        </>
      ) : (
        <button type="button" onClick={enable}>
          Enable Shortlist on this site
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
