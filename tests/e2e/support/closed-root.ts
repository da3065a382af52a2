import type { CDPSession, Page } from 'playwright-core';

/** A DOM node as CDP's DOM.getDocument gives it with `pierce: true` (closed shadow roots included). */
interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const cdp = (page: Page) => {
  let s = sessions.get(page);
  if (!s) sessions.set(page, (s = page.context().newCDPSession(page)));
  return s;
};

function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  if (node.localName === 'style' || node.localName === 'script') return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

const attr = (n: CdpNode, name: string) => {
  const a = n.attributes ?? [];
  const i = a.indexOf(name);
  return i >= 0 && i % 2 === 0 ? a[i + 1] : undefined;
};

/** Hosts of a tag in the page (only under the element of id `within`, if given), each with its (closed) shadow root, as the browser sees them. */
async function hosts(page: Page, tag: string, within?: string): Promise<CdpNode[]> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const scopes = within === undefined ? [root] : [...walk(root)].filter((n) => attr(n, 'id') === within);
  return scopes.flatMap((scope) => [...walk(scope)]).filter((n) => n.localName === tag || (tag.startsWith('[') && attr(n, tag.slice(1, -1)) !== undefined));
}

/** The visible words inside the shadow roots of the page's `tag` elements (text nodes, form values, aria-labels), read through CDP; `within`: only those under the element of that id. */
export async function closedRootText(page: Page, tag: string, within?: string): Promise<string> {
  const words: string[] = [];
  for (const host of await hosts(page, tag, within)) {
    for (const root of host.shadowRoots ?? []) {
      for (const n of walk(root)) {
        if (n.nodeType === 3 && n.nodeValue) words.push(n.nodeValue);
        // Style and script text are children of their elements: skipped with them below.
        const label = attr(n, 'aria-label');
        if (label) words.push(` ${label} `);
      }
    }
  }
  return words.join('').replace(/\s+/g, ' ');
}

/** Clicks, as the person would (real input at its place on screen), the button with this text inside the shadow roots of `tag`. */
export async function clickInClosedRoot(page: Page, tag: string, text: string): Promise<void> {
  const session = await cdp(page);
  for (const host of await hosts(page, tag)) {
    for (const root of host.shadowRoots ?? []) {
      for (const n of walk(root)) {
        if (n.localName !== 'button') continue;
        const label = [...walk(n)].filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join('').trim();
        if (label !== text) continue;
        const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: n.backendNodeId })) as { model: { content: number[] } };
        const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        return;
      }
    }
  }
  throw new Error(`no button "${text}" in ${tag}`);
}
