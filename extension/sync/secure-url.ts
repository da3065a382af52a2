/**
 * The sync server must be reached over https, so the bearer token and candidates' data never
 * cross a network in the clear. Plain http is allowed only to this computer (loopback), where
 * `npm start` and the tests run the worker.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const isLoopbackHost = (hostname: string) => LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname.endsWith('.localhost');

/** Why this server URL may not be used, in words for a person; null when it is fine. */
export function serverUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'The server URL is not a web address: it should look like https://shortlist.your-council.gov.uk';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return null;
  if (u.protocol === 'http:') return `The server URL must start with https:// (plain http:// is allowed only for this computer, such as http://127.0.0.1:8787); ${u.host} would see your token and candidates' data unencrypted`;
  return 'The server URL must start with https://';
}
