import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OVERLAY_CSS } from './styles';

interface Placement {
  right: number;
  bottom: number;
  collapsed: boolean;
}

const key = () => `shortlist-overlay:${location.host}`;
function loadPlacement(): Placement {
  try {
    return { right: 16, bottom: 16, collapsed: false, ...JSON.parse(sessionStorage.getItem(key()) ?? '{}') };
  } catch {
    return { right: 16, bottom: 16, collapsed: false };
  }
}

/**
 * The overlay frame: collapsible, movable by dragging the title or with the arrow keys when
 * the title has focus; placement remembered for the site during the browsing session.
 */
export function Shell(props: { title: string; children: ComponentChildren }) {
  const [p, setP] = useState<Placement>(loadPlacement);
  useEffect(() => {
    try {
      sessionStorage.setItem(key(), JSON.stringify(p));
    } catch {
      // Storage blocked by the page: placement is simply not remembered.
    }
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
