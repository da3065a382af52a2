// Read by WXT in Node when it loads the entrypoint: no browser APIs here.

/** Match pattern of a server's invitation pages (match patterns carry no port: any port of that host). */
export function inviteMatches(serverUrl: string): string[] {
  const u = new URL(serverUrl);
  return [`${u.protocol}//${u.hostname}/invite/*`];
}
