/** How many answers' measures the service worker keeps (it lives for minutes; the bench reads the last few). */
const KEPT = 200;
let kept = 0;

/**
 * Times an answer of the background in its own performance timeline (`answer:<type>`), where
 * `npm run bench` reads it from the service worker: the background's part of the overlay's
 * time (tests/bench/figures/overlay.ts). Costs a mark per message; bounded to the last KEPT.
 */
export function timed<T>(type: unknown, answer: () => Promise<T>): Promise<T> {
  const start = performance.now();
  return answer().finally(() => {
    if (++kept > KEPT) {
      performance.clearMeasures();
      kept = 1;
    }
    performance.measure(`answer:${typeof type === 'string' ? type.slice(0, 40) : 'unknown'}`, { start });
  });
}
