/**
 * What `npm start`'s page server answers. Two ways in, both serving the same demo pages:
 * - the localhost demo (the manual steps): `http://localhost:8790/` is the index, and a page
 *   imitating `https://{host}{path}` is at `/{host}{path}` (the demo build reads it as its real URL);
 * - a browser that maps the real host names onto this server (`npm start`'s own window): a
 *   page at its real host and path, and the index at DEMO_INDEX_HOST, linking to real URLs.
 */
import { demoPageRoutes, localDemoPath, type DemoCouncil } from '#demo/index';
import type { PageResolver } from './page-server';

/** The index's host name in the mapped browser (`.example` never resolves anywhere else). */
export const DEMO_INDEX_HOST = 'demo.shortlist.example';

/**
 * A page served under `/{host}/` keeps its site-absolute links inside that prefix ("Find a job"
 * on an advert stays on the demo); links already relative or absolute are left as they are.
 */
export function prefixRootLinks(html: string, host: string): string {
  return html.replace(/(\s(?:href|src|action)=")\/(?!\/)/g, `$1/${host}/`);
}

export function demoPageResolver(data: DemoCouncil): PageResolver {
  const [localIndex, ...pages] = demoPageRoutes(data);
  const [realIndex] = demoPageRoutes(data, { indexLinks: 'real-urls' });
  const byDemoPath = new Map(pages.map((r) => [localDemoPath(r), prefixRootLinks(r.html, r.host)]));
  const byRealUrl = new Map(pages.map((r) => [`${r.host}${r.path}`, r.html]));
  return (host, pathWithQuery) => {
    if (pathWithQuery === '/') return { body: host === DEMO_INDEX_HOST ? realIndex!.html : localIndex!.html };
    const html = byRealUrl.get(`${host}${pathWithQuery}`) ?? byDemoPath.get(pathWithQuery);
    return html === undefined ? null : { body: html };
  };
}
