const DAY = 86_400_000;

/** "Your access token expires on 4 March 2027", with a warning in the last week. */
export function tokenExpiry(iso: string | undefined, now = Date.now()): { text: string; warn: boolean } | null {
  if (!iso || Number.isNaN(Date.parse(iso))) return null;
  const at = Date.parse(iso);
  const date = new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  if (at <= now) return { text: `Your access token expired on ${date}: ask your admin for a new one and sign in again.`, warn: true };
  const days = Math.ceil((at - now) / DAY);
  if (days <= 7) return { text: `Your access token expires on ${date} (in ${days} day${days === 1 ? '' : 's'}): ask your admin for a new one.`, warn: true };
  return { text: `Your access token expires on ${date}.`, warn: false };
}
