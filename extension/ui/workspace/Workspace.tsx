import { useEffect } from 'preact/hooks';
import { useHashRoute } from '../hooks/useHashRoute';
import { WORKSPACE_PAGES } from './pages';

/** The workspace: navigation on the left, the current page on the right. */
export function Workspace() {
  const route = useHashRoute();
  const current = WORKSPACE_PAGES.find((p) => p.path === route.path) ?? WORKSPACE_PAGES[0];
  useEffect(() => {
    document.title = current ? `${current.label} · Shortlist` : 'Shortlist';
  }, [current]);
  return (
    <div class="ws">
      <nav class="ws-nav" aria-label="Workspace">
        <p class="ws-brand">Shortlist</p>
        <ul>
          {WORKSPACE_PAGES.map((p) => (
            <li key={p.path}>
              <a href={`#${p.path}`} aria-current={p === current ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="ws-main" id="main">
        {current ? <current.component route={route} /> : <p>No pages.</p>}
      </main>
    </div>
  );
}
