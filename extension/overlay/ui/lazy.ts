import { useEffect, useState } from 'preact/hooks';

/**
 * A module loaded after first paint: null until it arrives. For the parts of the overlay the
 * first paint does not draw (the move form needs the stage rules and the calendar), so the
 * frame's first chunk carries only what it draws.
 */
export function useLazyModule<T>(load: () => Promise<T>): T | null {
  const [module, setModule] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setModule(() => m));
    return () => {
      live = false;
    };
  }, [load]);
  return module;
}
