import { createServer, type Server } from 'node:http';

export interface Page {
  body: string | Buffer;
  contentType?: string;
  status?: number;
}

/** Finds the page for a request by host name (without port) and path with query. */
export type PageResolver = (host: string, pathWithQuery: string) => Page | null | Promise<Page | null>;

/**
 * A small HTTP server for demo and saved pages. Requests for real host names reach it through
 * Chromium's --host-resolver-rules, so pages keep their real URLs and the extension's matches apply.
 */
export function startPageServer(port: number, resolve: PageResolver): Promise<Server> {
  const server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    try {
      const page = await resolve(host, req.url ?? '/');
      if (!page) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>Not found</title><h1>Not found</h1>');
        return;
      }
      res.writeHead(page.status ?? 200, { 'content-type': page.contentType ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page.body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`page server error: ${(err as Error).message}`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}
