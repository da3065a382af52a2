import { render } from 'preact';
import { TeachPanel } from '@/overlay/ui/TeachPanel';

/**
 * Teach mode in the page: it must outline and pick the page's own elements, so it runs in the
 * content script, in a closed shadow root. It shows only what the page itself shows (the text
 * of the elements pointed at) and acts only on the person's own clicks and keys.
 */
export function mountTeach(doc: Document, onDone: () => void): () => void {
  const host = doc.createElement('shortlist-teach');
  host.setAttribute('style', 'all: initial !important; display: block !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const container = doc.createElement('div');
  root.append(container);
  (doc.body ?? doc.documentElement).append(host);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  render(
    <TeachPanel
      onDone={() => {
        remove();
        onDone();
      }}
    />,
    container,
  );
  return remove;
}
