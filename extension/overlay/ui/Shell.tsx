import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_PLACEMENT, loadPlacement, savePlacement, type Placement } from '@/overlay/content/placement';
import { OVERLAY_CSS } from './styles';

/**
 * The overlay frame: collapsible, movable by dragging the title or with the arrow keys when
 * the title has focus; placement remembered for the site (see overlay/content/placement.ts).
 */
export function Shell(props: { title: string; children: ComponentChildren }) {
  const [p, setP] = useState<Placement>(DEFAULT_PLACEMENT);
  // Saved only after the remembered placement has been read, so the default never overwrites it.
  const loaded = useRef(false);
  useEffect(() => {
    let alive = true;
    void loadPlacement(location.host).then((stored) => {
      if (!alive) return;
      loaded.current = true;
      setP(stored);
    });
    return () => {
      alive = false;
    };
  }, []);
  useEffect(() => {
    if (loaded.current) void savePlacement(location.host, p);
  }, [p]);
  const clamp = (v: number, max: number) => Math.max(0, Math.min(v, max));
  function startDrag(e: PointerEvent) {
    const start = { x: e.clientX, y: e.clientY, right: p.right, bottom: p.bottom };
    const move = (ev: PointerEvent) =>
      setP((cur) => ({ ...cur, right: clamp(start.right - (ev.clientX - start.x), innerWidth - 80), bottom: clamp(start.bottom - (ev.clientY - start.y), innerHeight - 40) }));
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
    setP((cur) => ({ ...cur, right: clamp(cur.right + m[0], innerWidth - 80), bottom: clamp(cur.bottom + m[1], innerHeight - 40) }));
  }
  return (
    <aside class={`sl${p.collapsed ? ' collapsed' : ''}`} style={{ right: `${p.right}px`, bottom: `${p.bottom}px` }} aria-label="Shortlist" data-testid="shortlist-overlay">
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
