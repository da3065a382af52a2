// Pure, no browser API: the background decides with it where the overlay goes.

const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/:*]+)(?::(\d+))?(\/.*)$/;

/**
 * Whether a match pattern of the kinds this extension writes (`<scheme>://<host>[:port]/<path>`,
 * scheme `*`, `http` or `https`, host `*`, `*.<domain>` or a name) covers a URL, as the browser
 * matches it (a pattern without a port takes any port; `*` in the path takes anything).
 * Any other pattern covers nothing.
 */
export function patternCovers(pattern: string, url: URL): boolean {
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host, port, path] = m as unknown as [string, string, string, string | undefined, string];
  if (scheme === '*' ? url.protocol !== 'http:' && url.protocol !== 'https:' : url.protocol !== `${scheme}:`) return false;
  const name = url.hostname;
  if (host !== '*' && (host.startsWith('*.') ? name !== host.slice(2) && !name.endsWith(host.slice(1)) : name !== host)) return false;
  if (port !== undefined && (url.port || (url.protocol === 'https:' ? '443' : '80')) !== port) return false;
  const glob = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(`${url.pathname}${url.search}`);
}
