/** Jobtrain renders its advert by script: isReady tells the content script when to read. */
import { describe, expect, it } from 'vitest';
import { isReady, jobtrain } from '@/sites/jobtrain';
import { docOf, ownPages } from './pages';

const page = (name: string) => {
  const found = ownPages().find((p) => p.key === `jobtrain/${name}.html`);
  if (!found) throw new Error(name);
  return { doc: docOf(found), url: new URL(found.url) };
};

describe('jobtrain isReady', () => {
  it('is false on the page as served, and extract waits (null)', () => {
    const { doc, url } = page('before-render');
    expect(isReady(doc)).toBe(false);
    expect(jobtrain.extract(doc, url)).toBeNull();
  });

  it('is true once the advert is rendered, and extract reads it', () => {
    const { doc, url } = page('after-render');
    expect(isReady(doc)).toBe(true);
    expect(jobtrain.extract(doc, url)).toMatchObject({ kind: 'advert', title: 'Family Support Worker (Edge of Care)' });
  });

  it('is false while the container holds a title but no details yet', () => {
    const { doc } = page('before-render');
    const app = doc.querySelector('#app') as Element;
    const container = doc.createElement('div');
    container.className = 'job-detail';
    const h1 = doc.createElement('h1');
    h1.textContent = 'Family Support Worker';
    container.append(h1);
    app.replaceChildren(container);
    expect(isReady(doc)).toBe(false);
  });
});
