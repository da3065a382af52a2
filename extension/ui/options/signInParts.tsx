import { useEffect, useState } from 'preact/hooks';
import { serverUrlItem } from '@/sync/server';

/** What the background says when signing in would delete another account's unsynced changes. */
export type OtherAccount = { pending: number; message: string };

/** The server URL field's value: the one given, else the stored default once read, unless the person has typed one meanwhile. */
export function useServerUrl(given?: string) {
  const [serverUrl, setServerUrl] = useState(given ?? '');
  useEffect(() => {
    if (!given) void serverUrlItem.getValue().then((stored) => setServerUrl((typed) => typed || stored));
  }, [given]);
  return [serverUrl, setServerUrl] as const;
}

/** Asks before signing in deletes another account's unsynced changes in this browser. */
export function OtherAccountConfirm(props: { confirm: OtherAccount; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div role="alertdialog" aria-label="Unsynced changes of another account">
      <p>{props.confirm.message}</p>
      <button type="button" disabled={props.busy} onClick={props.onConfirm}>
        Delete {props.confirm.pending} change{props.confirm.pending === 1 ? '' : 's'} and sign in
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
