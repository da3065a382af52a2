import { request } from 'node:http';
import { e2eContext } from './context';

/** The page server's page for a URL, as text (Playwright's own fetch would not use the browser's host rules). */
export function servedPage(url: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: e2eContext().pageServerPort, path: u.pathname + u.search, headers: { host: u.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}
