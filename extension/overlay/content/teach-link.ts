/**
 * Between the page reader and teach mode, which the background loads into the tab on demand
 * (content-scripts/teach.js). Both run in the extension's isolated world and share its global
 * object, which page scripts cannot see (unlike DOM events, which they could forge).
 */
const KEY = Symbol.for('shortlist.teach-done');

type Done = () => void;

export function onTeachDone(done: Done): void {
  (globalThis as Record<symbol, Done | undefined>)[KEY] = done;
}

export function teachDone(): void {
  const done = (globalThis as Record<symbol, Done | undefined>)[KEY];
  delete (globalThis as Record<symbol, Done | undefined>)[KEY];
  done?.();
}
