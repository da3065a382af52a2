/**
 * In builds made for the localhost demo (WXT_DEMO_ORIGIN) the site registry reads a demo page
 * as the real URL it stands for (the rule: overlay/demo-url.ts), so the module of the site it
 * imitates applies; every other build, and every other URL, is read as it is.
 */
import { BUILD_DEMO_ORIGIN, demoUrlOf, realUrlOf } from '@/overlay/demo-url';
import { recognise, type Recognised, type SiteProfile } from '@/sites/index';

export { demoUrlOf, realUrlOf };

/**
 * Recognises a page, reading a localhost demo page as the real page it stands for. A listing's
 * links are given back as the demo page's own, so its badges find them; a page taught on the
 * demo host itself (its profile names `localhost`) is read at its own URL.
 */
export function recogniseWithDemoAlias(url: URL, doc: Document, profiles: readonly SiteProfile[], demoOrigin: string = BUILD_DEMO_ORIGIN): Recognised | null {
  const real = realUrlOf(url, demoOrigin);
  if (!real) return recognise(url, doc, profiles);
  const recognised = recognise(real, doc, profiles);
  if (!recognised) return recognise(url, doc, profiles);
  const { result } = recognised;
  if (result.kind !== 'advert-list') return recognised;
  return { ...recognised, result: { ...result, items: result.items.map((item) => ({ ...item, href: demoUrlOf(item.href, demoOrigin) })) } };
}
