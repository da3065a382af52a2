import { useEffect, useState } from 'preact/hooks';
import { wipeNoticeItem, type WipeNotice } from '@/sync/account';

/** What the last local wipe (sign-out, revoked token, deactivated account) removed from this browser; null after the next sign-in. */
export function useWipeNotice(): WipeNotice | null {
  const [wiped, setWiped] = useState<WipeNotice | null>(null);
  useEffect(() => {
    void wipeNoticeItem.getValue().then(setWiped);
    return wipeNoticeItem.watch(setWiped);
  }, []);
  return wiped;
}
