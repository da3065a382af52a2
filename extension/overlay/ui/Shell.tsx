import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_PLACEMENT, loadPlacement, savePlacement, type Placement } from '@/overlay/placement';
import { OVERLAY_CSS } from './styles';

/** Where the panel is and how big it is drawn: what the content script needs to place the overlay's frame. */
export interface ShellLayout {
  width: number;
  height: number;
  right: number;
  bottom: number;
}

/** How far the panel may go from the bottom-right corner: inside the page's window when drawn in it; the content script clamps a frame. */
const reach = (framed: boolean) => (framed ? { x: 10_000, y: 10_000 } : { x: innerWidth - 80, y: innerHeight - 40 });

/**
 * The overlay panel: collapsible, movable by dragging the title or with the arrow keys when
 * the title has focus; placement remembered for the site (see overlay/placement.ts). Drawn
 * in the overlay's own frame (`onLayout` set: the frame is placed to fit it) or, for teach
 * mode, straight into a closed shadow root of the page.
 */
export function Shell(props: { title: string; host: string; onLayout?: (layout: ShellLayout) => void; children: ComponentChildren }) {
  const framed = Boolean(props.onLayout);
  const [p, setP] = useState<Placement>(DEFAULT_PLACEMENT);
  // Saved only after the remembered placement has been read, so the default never overwrites it,
  // and only when it differs from what is stored: a frame that merely opens writes nothing (every
  // write tells every extension context, and the background forgets the placements it keeps).
  const stored = useRef<string | null>(null);
  useEffect(() => {
    let alive = true;
    void loadPlacement(props.host).then((remembered) => {
      if (!alive) return;
      stored.current = JSON.stringify(remembered);
      setP(remembered);
    });
    return () => {
      alive = false;
    };
  }, []);
  useEffect(() => {
    const key = JSON.stringify(p);
    if (stored.current === null || stored.current === key) return;
    stored.current = key;
    void savePlacement(props.host, p);
  }, [p]);
  const panel = useRef<HTMLElement>(null);
  const onLayout = props.onLayout;
  // The frame follows the panel: its size (content height, the frame scrolls when the page's window is shorter) and place.
  // A layout effect, run as soon as the panel is rendered: a plain effect waits for the next
  // animation frame, which a frame still sized 0 × 0 (not yet placed) may not get for 35 ms.
  useLayoutEffect(() => {
    const el = panel.current;
    if (!el || !onLayout) return;
    const report = () => onLayout({ width: el.offsetWidth, height: el.scrollHeight + (el.offsetHeight - el.clientHeight), right: p.right, bottom: p.bottom });
    report();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(report);
    observer?.observe(el);
    for (const child of el.children) observer?.observe(child);
    return () => observer?.disconnect();
  });
  const clamp = (v: number, max: number) => Math.max(0, Math.min(v, max));
  function startDrag(e: PointerEvent) {
    // Screen coordinates: a framed panel moves with its frame, so the pointer's place in the frame hardly changes.
    const start = { x: e.screenX, y: e.screenY, right: p.right, bottom: p.bottom };
    const { x, y } = reach(framed);
    const move = (ev: PointerEvent) =>
      setP((cur) => ({ ...cur, right: clamp(start.right - (ev.screenX - start.x), x), bottom: clamp(start.bottom - (ev.screenY - start.y), y) }));
    const up = () => {
      removeEventListener('pointermove', move);
      removeEventListener('pointerup', up);
    };
    addEventListener('pointermove', move);
    addEventListener('pointerup', up);
  }
  function onKey(e: KeyboardEvent) {
    const step = e.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const { x, y } = reach(framed);
    setP((cur) => ({ ...cur, right: clamp(cur.right + m[0], x), bottom: clamp(cur.bottom + m[1], y) }));
  }
  return (
    <aside
      ref={panel}
      class={`sl${framed ? ' framed' : ''}${p.collapsed ? ' collapsed' : ''}`}
      style={{ right: `${p.right}px`, bottom: `${p.bottom}px` }}
      data-right={p.right}
      data-bottom={p.bottom}
      aria-label="Shortlist"
      data-testid="shortlist-overlay"
    >
      <style>{OVERLAY_CSS}</style>
      <header>
        <button type="button" class="grip" onPointerDown={startDrag} onKeyDown={onKey} aria-label="Shortlist panel: drag, or use the arrow keys, to move" title="Drag, or use the arrow keys, to move">
          Shortlist
        </button>
        <button type="button" aria-expanded={!p.collapsed} onClick={() => setP((cur) => ({ ...cur, collapsed: !cur.collapsed }))}>
          {p.collapsed ? 'Show' : 'Hide'}
        </button>
      </header>
      {!p.collapsed && (
        <div class="body">
          <h2>{props.title}</h2>
          {props.children}
        </div>
      )}
    </aside>
  );
}
