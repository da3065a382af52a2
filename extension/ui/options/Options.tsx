import { useEffect, useState } from 'preact/hooks';
import { serverUrlItem } from '@/sync/server';

/** Settings: which sync server this browser uses. Sign-in is added by the sync work. */
export function Options() {
  const [url, setUrl] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    serverUrlItem.getValue().then(setUrl);
  }, []);
  async function save(e: Event) {
    e.preventDefault();
    await serverUrlItem.setValue(url.trim());
    setSaved(true);
  }
  return (
    <main style={{ font: '14px system-ui, sans-serif', maxWidth: '560px', margin: '24px auto' }}>
      <h1>Shortlist settings</h1>
      <form onSubmit={save}>
        <label>
          Server URL{' '}
          <input type="url" required value={url} onInput={(e) => { setUrl(e.currentTarget.value); setSaved(false); }} />
        </label>{' '}
        <button type="submit">Save</button>
      </form>
      {saved && <p role="status">Saved.</p>}
    </main>
  );
}
