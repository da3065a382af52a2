import { useEffect } from 'preact/hooks';
import { useHashRoute } from '../hooks/useHashRoute';
import { useSignedIn } from './daily/useSignedIn';
import { pagesFor, WORKSPACE_PAGES } from './pages';

/** The workspace: navigation on the left, the current page on the right; only the pages the signed-in role may use. */
export function Workspace() {
  const route = useHashRoute();
  const { session } = useSignedIn();
  const pages = pagesFor(session?.me.user.role);
  const current = pages.find((p) => p.path === route.path) ?? pages[0];
  // A page of another role, asked for by its address: said in words, not shown.
  const refused = !pages.some((p) => p.path === route.path) && WORKSPACE_PAGES.some((p) => p.path === route.path) && session !== undefined;
  useEffect(() => {
    document.title = current && session !== undefined ? `${current.label} · Shortlist` : 'Shortlist';
  }, [current, session]);
  // Until the session is read, the role's pages are unknown: no navigation and no page, rather than
  // a moment of the signed-out pages (and their first page) before the role's own.
  if (session === undefined) {
    return (
      <div class="ws">
        <main class="ws-main" id="main" aria-busy="true">
          <p>Loading…</p>
        </main>
      </div>
    );
  }
  return (
    <div class="ws">
      <nav class="ws-nav" aria-label="Workspace">
        <p class="ws-brand">Shortlist</p>
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <a href={`#${p.path}`} aria-current={p === current ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="ws-main" id="main">
        {refused && (
          <p role="alert" class="status-red">
            That page is not for your role ({session?.me.user.role ?? 'not signed in'}); here is {current?.label ?? 'the workspace'} instead.
          </p>
        )}
        {current ? <current.component route={route} /> : <p>No pages.</p>}
      </main>
    </div>
  );
}
