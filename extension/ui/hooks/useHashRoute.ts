import { useEffect, useState } from 'preact/hooks';

/** The workspace's route lives in the URL hash (`#/board?vacancy=...`) so pages can be bookmarked and linked from the popup and overlay. */
export interface Route {
  path: string;
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parse(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string, params?: Record<string, string>): void {
  const query = params ? `?${new URLSearchParams(params)}` : '';
  location.hash = `#${path}${query}`;
}
