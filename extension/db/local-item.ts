import { browser } from '#imports';

/** One typed value in `browser.storage.local`, read with a fallback when absent. */
export interface LocalItem<T> {
  readonly key: string;
  readonly fallback: T;
  getValue(): Promise<T>;
  /** null or undefined removes the key, so a later read gives the fallback. */
  setValue(value: T | null | undefined): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back when another write changes the value, from any extension context; returns the unwatch. */
  watch(callback: (value: T, previous: T) => void): () => void;
}

/**
 * A `storage.local` key the way WXT's storage items kept it (the same key without its `local:`
 * prefix, no metadata key), with a few direct `browser.storage` calls instead of the library
 * and its lock: the background needs get, set, remove and watch, nothing else (issue 15: 3 KB
 * gzip). Only `storage.local`: `storage.session` keeps Chrome's default access level, trusted
 * contexts only (docs/security.md), and whoever uses it calls it directly.
 */
export function localItem<T>(key: string, fallback: T): LocalItem<T> {
  const orFallback = (value: unknown): T => (value ?? fallback) as T;
  return {
    key,
    fallback,
    getValue: async () => orFallback((await browser.storage.local.get(key))[key]),
    setValue: (value) => (value == null ? browser.storage.local.remove(key) : browser.storage.local.set({ [key]: value })),
    removeValue: () => browser.storage.local.remove(key),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[key];
        // Storage holds JSON values: equal text is an equal value (a rewrite of the same value is no change).
        if (!change || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback(orFallback(change.newValue), orFallback(change.oldValue));
      };
      browser.storage.local.onChanged.addListener(listener);
      return () => browser.storage.local.onChanged.removeListener(listener);
    },
  };
}
